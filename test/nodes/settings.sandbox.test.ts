import type { WACallEvent } from '@whiskeysockets/baileys';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById } from './helpers.js';

/**
 * The node's Settings resource run through n8n-core against an engine paired with the sandbox: every operation
 * reaches its engine route, and the settings it writes change what the session does.
 */
const SESSION = 'nodeprefs';
const SHOP = '4915300000061';
const DORA = '4917300000062';

let engine: TestEngine;
let dora: SimContact;
const session = sessionById(SESSION);
const settings = async (operation: string, parameters: object = {}) => {
	const result = await runNode(engine, { resource: 'settings', operation, session, ...parameters });
	if (result.run.status !== 'success') throw runError(result) ?? new Error(`${operation} failed`);
	return result.items[0].json;
};

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	dora = await engine.sandbox!.createContact({ phone: DORA, name: 'Dora' });
});
afterAll(async () => {
	await engine?.dispose();
});

describe('WhatsApp node › settings against the sandbox', () => {
	it('sets and reads back every on/off setting', async () => {
		for (const name of ['ApiEcho', 'SkipMediaDownload', 'SkipGroups', 'SkipNewsletters', 'SkipBroadcasts', 'SkipOwnMessages', 'AutoPresenceUnavailable']) {
			expect(await settings(`set${name}`, { enabled: false })).toEqual({ enabled: false });
			expect(await settings(`get${name}`)).toEqual({ enabled: false });
			expect(await settings(`set${name}`, { enabled: true })).toEqual({ enabled: true });
			expect(await settings(`get${name}`)).toEqual({ enabled: true });
		}
		for (const name of ['SkipMediaDownload', 'SkipGroups', 'SkipNewsletters', 'SkipBroadcasts', 'SkipOwnMessages', 'AutoPresenceUnavailable']) {
			await settings(`set${name}`, { enabled: false });
		}
	});

	it('Set API Echo off: a message sent by the node leaves no message.sent event', async () => {
		await settings('setApiEcho', { enabled: false });
		const sent = await runNode(engine, { resource: 'message', operation: 'sendText', session, to: DORA, text: 'no echo' });
		const { id } = sent.items[0].json as { id: string };
		await dora.waitForMessage((m) => m.id === id);
		expect(engine.events.list({ after: 0, limit: 1_000_000 }).filter((e) => e.type === 'message.sent' && e.data.id === id)).toEqual([]);
		await settings('setApiEcho', { enabled: true });
	});

	it('Set Call Auto-Reject declines a call from a contact and sends the message', async () => {
		expect(await settings('setCallAutoReject', { enabled: true, rejectMessage: 'Calls are not answered here.' })).toEqual({
			enabled: true,
			rejectMessage: 'Calls are not answered here.',
			rejectType: 'declined',
		});
		expect(await settings('getCallAutoReject')).toMatchObject({ enabled: true, rejectMessage: 'Calls are not answered here.' });
		const rejected = new Promise<WACallEvent>((resolve) => dora.socket.ev.on('call', (calls) => calls.forEach((c) => c.status === 'reject' && resolve(c))));
		const callId = engine.sandbox!.call(DORA, SHOP)!;
		expect((await rejected).id).toBe(callId);
		await dora.waitForMessage((m) => m.text === 'Calls are not answered here.');
	});

	it('global transport skips and the proxy', async () => {
		expect(await settings('setGlobalTransportSkips', { skipGlobalWebhook: true })).toEqual({ skipGlobalWebhook: true });
		expect(await settings('getGlobalTransportSkips')).toEqual({ skipGlobalWebhook: true });
		expect(await settings('setProxy', { enable: true, proxyUrl: 'socks5://me:pw@127.0.0.1:1080' })).toEqual({
			enabled: true,
			proxyUrl: 'socks5://me:***@127.0.0.1:1080',
			appliesOnReconnect: true,
		});
		// Turned off again before any reconnect, so the session never tries the (absent) proxy.
		expect(await settings('setProxy', { enable: false })).toMatchObject({ enabled: false });
	});

	it('an engine refusal (a bad proxy URL) becomes a node error with the engine message', async () => {
		const result = await runNode(engine, { resource: 'settings', operation: 'setProxy', session, enable: true, proxyUrl: 'ftp://nowhere' });
		expect(result.run.status).toBe('error');
		expect(runError(result)?.httpCode).toBe('400');
	});
});

import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById } from './helpers.js';

/**
 * The node's privacy and call operations through n8n-core against an engine with the sandbox: a setting changed by
 * the node is what the account's phone reads back, blocking shows in the sandbox's account, a value WhatsApp does
 * not take for a setting fails with the engine's 400, and a rejected call reaches the caller with the message.
 */
const SESSION = 'nodeprivacy';
const SHOP = '4915600000021';
const ALICE = '4917600000022';

let engine: TestEngine;
let alice: SimContact;
const session = sessionById(SESSION);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
});
afterAll(async () => {
	await engine?.dispose();
});

describe('WhatsApp node › privacy and calls against the sandbox', () => {
	it('updatePrivacySetting changes the setting the phone reads, and getPrivacySettings returns it', async () => {
		const update = await runNode(engine, { resource: 'privacy', operation: 'updatePrivacySetting', session, setting: 'profile', value: 'none' });
		expect(update.run.status).toBe('success');
		expect(update.items[0]!.json).toEqual({ ok: true, setting: 'profile', value: 'none' });
		expect((await engine.sandbox!.contact(SHOP)!.socket.fetchPrivacySettings(true)).profile).toBe('none');
		const read = await runNode(engine, { resource: 'privacy', operation: 'getPrivacySettings', session });
		expect(read.items[0]!.json).toMatchObject({ profile: 'none', last_seen: 'all' });
	});

	it('updatePrivacySetting with a value the setting does not take fails with the engine\'s 400', async () => {
		const result = await runNode(engine, { resource: 'privacy', operation: 'updatePrivacySetting', session, setting: 'call_add', value: 'none' });
		expect(result.run.status).toBe('error');
		expect(runError(result)?.httpCode).toBe('400');
		expect(JSON.stringify(runError(result))).toContain('call_add accepts all, known');
	});

	it('updateBlocklist blocks the listed contacts and getBlocklist lists them', async () => {
		const block = await runNode(engine, { resource: 'privacy', operation: 'updateBlocklist', session, action: 'block', users: `+${ALICE}` });
		expect(block.run.status).toBe('success');
		expect([...(engine.sandbox!.server.registry.byPhoneNumber(SHOP)!.privacy?.blocked ?? [])]).toEqual([ALICE]);
		const list = await runNode(engine, { resource: 'privacy', operation: 'getBlocklist', session });
		expect(list.items.map((item) => item.json)).toEqual([{ jid: alice.lid, phone: ALICE }]);
		await runNode(engine, { resource: 'privacy', operation: 'updateBlocklist', session, action: 'unblock', users: `+${ALICE}` });
		expect([...(engine.sandbox!.server.registry.byPhoneNumber(SHOP)!.privacy?.blocked ?? [])]).toEqual([]);
	});

	it('rejectCall declines the call and the caller gets the message', async () => {
		const rejected = new Promise<string>((resolve) => alice.socket.ev.on('call', (calls) => calls.forEach((c) => c.status === 'reject' && resolve(c.id))));
		const callId = engine.sandbox!.call(ALICE, SHOP)!;
		await engine.waitForEvent((e) => e.session === SESSION && e.type === 'call.offer' && e.data.callId === callId);
		const result = await runNode(engine, { resource: 'call', operation: 'rejectCall', session, callId, from: `+${ALICE}`, message: 'Driving, will call back.' });
		expect(result.run.status).toBe('success');
		expect(result.items[0]!.json).toMatchObject({ ok: true, callId });
		expect(await rejected).toBe(callId);
		expect((await alice.waitForMessage((m) => m.text === 'Driving, will call back.')).fromPhone).toBe(SHOP);
	});
});

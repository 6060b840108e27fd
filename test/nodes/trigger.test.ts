import { createHmac } from 'node:crypto';
import { startTriggerHost, type TriggerHost } from '../../runner/dist/index.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { credentialsFor, PACKAGE_DIR, sessionById } from './helpers.js';

/**
 * The WhatsApp Trigger node run by n8n-core (HookContext for activation, WebhookContext for requests) against a
 * real engine whose session is paired with the sandbox: it registers itself, receives a real WhatsApp message,
 * rejects forged calls, and removes its subscription on deactivation.
 */
let engine: TestEngine;
let host: TriggerHost;

beforeAll(async () => {
	engine = await startPairedSandboxEngine('tr', '15550001212');
	host = await startTriggerHost({
		packageDirs: [PACKAGE_DIR],
		node: {
			id: 'trigger-1',
			name: 'WhatsApp Trigger',
			type: 'n8n-nodes-whatsapp-engine.whatsAppTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { session: sessionById('tr'), events: ['message.received'], filters: { skipGroups: true } },
		},
		credentials: credentialsFor(engine),
	});
});
afterAll(async () => {
	await host?.close();
	await engine.dispose();
});

const subscriptions = async () => (await engine.call('GET', '/api/webhooks?session=tr')).body as Array<{ id: string; url: string; events: string[]; filters: object }>;
const stored = () => (host.staticData['node:WhatsApp Trigger'] as { subscriptions: Record<string, { id: string; secret: string }> }).subscriptions;

describe('WhatsApp Trigger', () => {
	it('registers its production URL on activation, once, with its events and filters', async () => {
		const url = host.webhookUrl('production');
		expect(await host.hook('checkExists', 'production')).toBe(false);
		await host.activate('production');
		const [subscription, ...others] = await subscriptions();
		expect(others).toEqual([]);
		expect(subscription).toMatchObject({ url, events: ['message.received'], filters: { skipGroups: true } });
		expect(stored()[url]).toEqual({ id: subscription.id, secret: expect.stringMatching(/^whsec_/) });

		// Every n8n main runs activation at start-up: it must find the subscription and create nothing new.
		expect(await host.hook('checkExists', 'production')).toBe(true);
		await host.activate('production');
		// Even a repeated create returns the same subscription and secret.
		const secret = stored()[url].secret;
		await host.hook('create', 'production');
		expect(stored()[url]).toEqual({ id: subscription.id, secret });
		expect((await subscriptions()).map((s) => s.id)).toEqual([subscription.id]);
	});

	it('keeps the test URL as a separate subscription', async () => {
		await host.activate('test');
		const urls = (await subscriptions()).map((s) => s.url).sort();
		expect(urls).toEqual([host.webhookUrl('production'), host.webhookUrl('test')].sort());
		expect(await host.deactivate('test')).toBe(true);
		expect((await subscriptions()).map((s) => s.url)).toEqual([host.webhookUrl('production')]);
	});

	it('turns a real WhatsApp message into one item', async () => {
		const friend = await engine.sandbox!.createContact({ phone: '15550003434', name: 'Customer' });
		await friend.sendText('15550001212', 'Do you have it in blue?');
		await host.waitFor((requests) => requests.some((r) => r.items.length > 0));
		const delivered = host.requests.filter((r) => r.items.length > 0);
		expect(delivered).toHaveLength(1);
		expect(delivered[0]).toMatchObject({ kind: 'production', status: 200 });
		expect(delivered[0].items).toHaveLength(1);
		expect(delivered[0].items[0].json).toMatchObject({
			type: 'message.received',
			session: 'tr',
			sender: { phone: '15550003434', lid: friend.lid },
			data: { type: 'text', text: 'Do you have it in blue?' },
		});
	});

	it('answers 403 to unsigned, wrongly signed and stale calls, and starts nothing', async () => {
		const body = JSON.stringify({ id: 'evt_forged', type: 'message.received', session: 'tr', data: { text: 'send me money' } });
		const now = String(Math.floor(Date.now() / 1000));
		const post = (headers: Record<string, string>) =>
			fetch(host.webhookUrl('production'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
		const sign = (secret: string, timestamp: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
		const secret = stored()[host.webhookUrl('production')].secret;
		const before = host.requests.length;

		expect((await post({})).status).toBe(403);
		expect((await post({ 'x-wa-timestamp': now, 'x-wa-signature': sign('not-the-secret-at-all', now) })).status).toBe(403);
		const stale = String(Math.floor(Date.now() / 1000) - 3600);
		expect((await post({ 'x-wa-timestamp': stale, 'x-wa-signature': sign(secret, stale) })).status).toBe(403);
		const forged = await post({ 'x-wa-timestamp': now, 'x-wa-signature': sign(secret, String(Number(now) + 1)) });
		expect(forged.status).toBe(403);
		expect(await forged.json()).toEqual({ error: { code: 'invalid_signature', message: expect.any(String) } });
		expect(host.requests.slice(before).map((r) => [r.status, r.items.length])).toEqual([
			[403, 0],
			[403, 0],
			[403, 0],
			[403, 0],
		]);
		// The right secret over the exact body is accepted (and answered with an empty body).
		const genuine = await post({ 'x-wa-timestamp': now, 'x-wa-signature': sign(secret, now) });
		expect(genuine.status).toBe(200);
		expect(await genuine.text()).toBe('');
	});

	it('removes its subscription on deactivation, and re-creates one the engine lost', async () => {
		const url = host.webhookUrl('production');
		expect(await host.deactivate('production')).toBe(true);
		expect(await subscriptions()).toEqual([]);
		expect(stored()[url]).toBeUndefined();
		expect(await host.hook('checkExists', 'production')).toBe(false);

		await host.activate('production');
		const [created] = await subscriptions();
		await engine.call('DELETE', `/api/webhooks/${created.id}`);
		expect(await host.hook('checkExists', 'production')).toBe(false);
		await host.activate('production');
		expect((await subscriptions()).map((s) => s.url)).toEqual([url]);
		await host.deactivate('production');
	});
});

import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { runNode, sessionById } from '../nodes/helpers.js';

/** The session and instance operations that act on linked devices, against the sandbox. */
const SHOP = '4915600000001';
let engine: TestEngine;

async function paired(id: string, phone: string): Promise<void> {
	await engine.call('POST', '/api/sessions', { body: { id } });
	const qr = await engine.call('GET', `/api/sessions/${id}/qr?wait=20`);
	const connected = engine.events.next((e) => e.session === id && e.type === 'session.connected', 20_000);
	await engine.sandbox!.scanQr(qr.body.value, { phone, name: `Phone ${id}` });
	expect(await connected).toBeDefined();
}

beforeAll(async () => {
	engine = await startTestEngine({ sandbox: true });
	await paired('main', SHOP);
});
afterAll(async () => {
	await engine?.dispose();
});

test('refreshSession reconnects and reports each repair step', async () => {
	const before = engine.events.list({ after: 0, limit: 100000, session: 'main', type: 'session.connected' }).length;
	const refreshed = await engine.call('POST', '/api/sessions/main/refresh', { body: { autoRecovery: true } });
	expect(refreshed.status).toBe(200);
	expect(refreshed.body).toEqual({ reconnect: 'ok', appState: 'ok', preKeys: 'ok', privacy: 'ok', recovery: 'ok' });
	expect(engine.events.list({ after: 0, limit: 100000, session: 'main', type: 'session.connected' }).length).toBe(before + 1);
	const skipped = await engine.call('POST', '/api/sessions/main/refresh', { body: { syncAppState: false, refreshPreKeys: false, refreshPrivacy: false } });
	expect(skipped.body).toMatchObject({ appState: 'skipped', preKeys: 'skipped', privacy: 'skipped', recovery: 'skipped' });
	expect((await engine.call('GET', '/api/sessions/main/status')).body.state).toBe('connected');
});

test('listAppDevices names each linked device; a session key sees only its own', async () => {
	const created = await engine.call('POST', '/api/sessions', { body: { id: 'unlinked', start: false } });
	const devices = await engine.call('GET', '/api/devices');
	expect(devices.body).toEqual([{ session: 'main', name: expect.any(String), device: expect.stringMatching(new RegExp(`^${SHOP}:\\d+@s\\.whatsapp\\.net$`)), lid: expect.stringMatching(/@lid$/), state: 'connected' }]);
	expect((await engine.call('GET', '/api/devices', { key: created.body.apiKey })).body).toEqual([]);
});

test('listInstancesStatus pages through sessions, with the pending QR of an unpaired one', async () => {
	await engine.call('POST', '/api/sessions', { body: { id: 'waiting' } });
	await engine.call('GET', '/api/sessions/waiting/qr?wait=20');
	const all = await engine.call('GET', '/api/sessions-status?includeTotal=true&limit=2');
	expect(all.body.total).toBe(3);
	expect(all.body.items).toHaveLength(2);
	const waiting = await engine.call('GET', '/api/sessions-status?ids=waiting,main');
	const byId = Object.fromEntries(waiting.body.items.map((item: { id: string }) => [item.id, item]));
	expect(byId.main.status.state).toBe('connected');
	expect(byId.main).not.toHaveProperty('qr');
	expect(byId.waiting.qr.value).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);
	expect(byId.waiting.qr.dataUrl).toMatch(/^data:image\/png;base64,/);
	expect((await engine.call('GET', '/api/sessions-status?ids=../x')).status).toBe(400);

	const viaNode = await runNode(engine, { resource: 'instance', operation: 'listInstancesStatus', ids: 'main', limit: 5 });
	expect(viaNode.items.map((item) => item.json.id)).toEqual(['main']);
});

test('deleteInstanceFull unlinks the device from the phone and deletes the session', async () => {
	await paired('leaving', '4915600000009');
	const account = engine.sandbox!.server.registry.byPhoneNumber('4915600000009')!;
	const companions = () => [...account.devices.keys()].filter((id) => id !== 0);
	expect(companions()).toHaveLength(1);

	const deleted = await runNode(engine, { resource: 'instance', operation: 'deleteInstanceFull', session: sessionById('leaving') });
	expect(deleted.items[0].json).toEqual({ deleted: true, id: 'leaving', loggedOut: true });
	expect(companions()).toEqual([]);
	expect((await engine.call('GET', '/api/sessions/leaving')).status).toBe(404);
});

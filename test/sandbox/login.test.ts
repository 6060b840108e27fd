import { jest } from '@jest/globals';
import { DisconnectReason } from '@whiskeysockets/baileys';
import { WhatsAppSandbox } from '../../engine/src/sandbox/index.js';
import { connect, end, freshAuth, linkedClient, quiet, waitForEvent, waitOpen, withTimeout } from './helpers.js';

jest.setTimeout(30_000);
let sandbox: WhatsAppSandbox;
beforeAll(async () => {
	sandbox = await WhatsAppSandbox.start({ logger: quiet });
	sandbox.installTrust();
});
afterAll(async () => {
	await sandbox.stop();
});

test('QR pairing -> 515 -> reconnect with saved creds -> open', async () => {
	const auth = freshAuth();
	const first = connect(sandbox, auth);
	const qr = await waitForEvent(first.sock, 'connection.update', u => u.qr as string | undefined);
	expect(qr).toMatch(/^https:\/\/wa\.me\/settings\/linked_devices#/);
	const paired = await sandbox.scanQr(qr, { phone: '15550001111', name: 'Owner' });
	expect(paired.phone).toBe('15550001111');
	expect(await withTimeout(first.closed, 10_000, 'restart')).toBe(DisconnectReason.restartRequired);
	expect(auth.creds.me?.id).toBe(paired.jid);
	expect(auth.creds.me?.lid).toBe(paired.lid);
	const second = connect(sandbox, auth);
	await waitOpen(second);
	expect(second.updates.some(u => u.connection === 'open')).toBe(true);
	await end(second);
});

test('saved-creds login opens and uploads prekeys', async () => {
	const c = await linkedClient(sandbox, '15550002222', 'Saved');
	const r = sandbox.server.registry.resolve(c.jid);
	expect(r?.device?.preKeys.size).toBeGreaterThan(0);
	await end(c);
});

test('logout removes the device, later login with old creds gets 401', async () => {
	const c = await linkedClient(sandbox, '15550003333');
	await c.sock.logout();
	expect(await withTimeout(c.closed, 5000, 'logout close')).toBe(DisconnectReason.loggedOut);
	const again = connect(sandbox, c.auth);
	expect(await withTimeout(again.closed, 5000, 'refused')).toBe(DisconnectReason.loggedOut);
});

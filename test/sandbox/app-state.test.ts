import { jest } from '@jest/globals';
import { WhatsAppSandbox } from '../../engine/src/sandbox/index.js';
import { connect, end, freshAuth, linkedClient, quiet, waitForEvent, waitOpen, withTimeout } from './helpers.js';

jest.setTimeout(30_000);
test('archive on one device is seen by a second device of the same account', async () => {
	const sandbox = await WhatsAppSandbox.start({ logger: quiet });
	sandbox.installTrust();
	const carol = await sandbox.createContact({ name: 'Carol' });
	const d1 = await linkedClient(sandbox, '15554440000', 'Dave');
	const d2 = await linkedClient(sandbox, '15554440000');
	const seen = waitForEvent(d2.sock, 'chats.update', (ups: Array<{ id: string; archived?: boolean }>) =>
		ups.find(u => u.id === carol.jid && u.archived === true),
	);
	await d1.sock.chatModify({ archive: true, lastMessages: [{ key: { remoteJid: carol.jid, id: 'X1', fromMe: false }, messageTimestamp: Math.floor(Date.now() / 1000) }] }, carol.jid);
	expect((await seen).archived).toBe(true);
	const account = sandbox.server.registry.byPhoneNumber('15554440000')!;
	expect(sandbox.appState.version(account, 'regular_low')).toBe(1);
	await end(d1, d2);
	await sandbox.stop();
});

test('a companion linked by QR gets the app-state key from the phone, so chatModify works there too', async () => {
	const sandbox = await WhatsAppSandbox.start({ logger: quiet });
	sandbox.installTrust();
	try {
		const erin = await sandbox.createContact({ name: 'Erin' });
		const auth = freshAuth();
		const first = connect(sandbox, auth);
		const qr = await waitForEvent(first.sock, 'connection.update', u => u.qr as string | undefined);
		await sandbox.scanQr(qr, { phone: '15554441111', name: 'Frank' });
		await withTimeout(first.closed, 10_000, 'restart after pairing');
		expect(auth.creds.myAppStateKeyId).toBeUndefined();
		const second = connect(sandbox, auth);
		const keyShared = waitForEvent(second.sock, 'creds.update', (u: { myAppStateKeyId?: string }) => u.myAppStateKeyId);
		await waitOpen(second);
		expect(await keyShared).toEqual(expect.any(String));
		await second.sock.chatModify({ archive: true, lastMessages: [{ key: { remoteJid: erin.jid, id: 'Y1', fromMe: false }, messageTimestamp: Math.floor(Date.now() / 1000) }] }, erin.jid);
		const account = sandbox.server.registry.byPhoneNumber('15554441111')!;
		expect(sandbox.appState.version(account, 'regular_low')).toBe(1);
		await end(second);
	} finally {
		await sandbox.stop();
	}
});

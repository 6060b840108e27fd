import { jest } from '@jest/globals';
import { WhatsAppSandbox } from '../../engine/src/sandbox/index.js';
import { end, linkedClient, quiet, waitForEvent } from './helpers.js';

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

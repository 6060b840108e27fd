import { jest } from '@jest/globals';
import { DisconnectReason } from '@whiskeysockets/baileys';
import { WhatsAppSandbox } from '../../engine/src/sandbox/index.js';
import { connect, end, linkedClient, quiet, waitOpen, withTimeout } from './helpers.js';

jest.setTimeout(30_000);
let sandbox: WhatsAppSandbox;
beforeAll(async () => {
	sandbox = await WhatsAppSandbox.start({ logger: quiet });
	sandbox.installTrust();
});
afterAll(async () => {
	await sandbox.stop();
});

test('stream error 515: closes with restartRequired and a reconnect opens', async () => {
	const c = await linkedClient(sandbox, '15553330001');
	sandbox.injectFault(c.jid, { type: 'stream-error', code: 515 });
	expect(await withTimeout(c.closed, 5000, 'close')).toBe(DisconnectReason.restartRequired);
	const again = connect(sandbox, c.auth);
	await waitOpen(again);
	await end(again);
});

test('stream error 440: close code 440', async () => {
	const c = await linkedClient(sandbox, '15553330002');
	sandbox.injectFault(c.jid, { type: 'stream-error', code: 440 });
	expect(await withTimeout(c.closed, 5000, 'close')).toBe(DisconnectReason.connectionReplaced);
});

test('401: Baileys ends with loggedOut and the creds stay dead', async () => {
	const c = await linkedClient(sandbox, '15553330003');
	sandbox.injectFault(c.jid, { type: 'stream-error', code: 401 });
	expect(await withTimeout(c.closed, 5000, 'close')).toBe(DisconnectReason.loggedOut);
	const again = connect(sandbox, c.auth);
	expect(await withTimeout(again.closed, 5000, 'refused')).toBe(DisconnectReason.loggedOut);
});

test('drop: the socket closes', async () => {
	const c = await linkedClient(sandbox, '15553330004');
	sandbox.injectFault(c.jid, { type: 'drop' });
	expect(await withTimeout(c.closed, 5000, 'close')).toBe(DisconnectReason.connectionClosed);
});

test('iq-error: the next matching IQ fails with the injected code', async () => {
	const c = await linkedClient(sandbox, '15553330005');
	sandbox.injectFault(c.jid, { type: 'iq-error', xmlns: 'status', code: 503 });
	await expect(c.sock.updateProfileStatus('busy')).rejects.toMatchObject({ data: 503 });
	await c.sock.updateProfileStatus('free'); // fault consumed: succeeds again
	await end(c);
});

test('silence: keepalive notices and closes with connectionLost', async () => {
	const { state, jid } = await sandbox.provisionDevice('15553330006');
	const c = connect(sandbox, state, { keepAliveIntervalMs: 300 });
	await waitOpen(c);
	sandbox.injectFault(jid, { type: 'silence', ms: 10_000 });
	expect(await withTimeout(c.closed, 9000, 'close')).toBe(DisconnectReason.connectionLost);
});

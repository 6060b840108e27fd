import { createHmac } from 'node:crypto';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { Receiver } from './receiver.js';

/**
 * End to end: a simulated contact (a real Baileys socket in the sandbox) writes to a paired session (a real
 * Baileys socket in the engine); the engine's webhook delivers the message to a real HTTP receiver.
 */
let engine: TestEngine;
let receiver: Receiver;
beforeAll(async () => {
	receiver = await new Receiver().start();
	engine = await startPairedSandboxEngine('wh', '15550007777');
});
afterAll(async () => {
	await engine.dispose();
	await receiver.stop();
});

it("delivers a simulated contact's message as message.received with the exact text, sender phone and LID", async () => {
	const hook = (await engine.call('POST', '/api/webhooks', { body: { url: receiver.url, session: 'wh', events: ['message.received'] } })).body;
	const friend = await engine.sandbox!.createContact({ phone: '15550008888', name: 'Friend' });
	const text = 'Hello engine — ünïcødé ✓';
	await friend.sendText('15550007777', text);
	await receiver.waitFor((r) => r.length >= 1);

	const [request] = receiver.requests;
	expect(request.body).toMatchObject({
		type: 'message.received',
		session: 'wh',
		seq: expect.any(Number),
		id: request.headers['x-wa-event-id'],
		sender: { phone: '15550008888', lid: friend.lid },
		chat: { phone: '15550008888' },
		data: { type: 'text', text, fromMe: false },
	});
	const timestamp = String(request.headers['x-wa-timestamp']);
	expect(request.headers['x-wa-signature']).toBe(`sha256=${createHmac('sha256', hook.secret).update(`${timestamp}.${request.raw}`).digest('hex')}`);
});

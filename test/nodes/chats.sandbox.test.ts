import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById } from './helpers.js';

/** The chat resource (from the engine's store) and the Recipient field's "From List" value, through n8n-core. */
const SESSION = 'chats';
const SHOP = '4915400000001';
const ERIN = '4917400000002';
const FRANK = '4917400000003';

let engine: TestEngine;
let erin: SimContact;
let frank: SimContact;
const session = sessionById(SESSION);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	erin = await engine.sandbox!.createContact({ phone: ERIN, name: 'Erin' });
	frank = await engine.sandbox!.createContact({ phone: FRANK, name: 'Frank' });
});
afterAll(async () => {
	await engine?.dispose();
});

test('lists the chats with messages, newest first, with phone, LID and name, and searches them', async () => {
	const first = await erin.sendText(SHOP, 'hello from Erin');
	await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === first.id);
	const second = await frank.sendText(SHOP, 'hello from Frank');
	await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === second.id);

	const listed = await runNode(engine, { resource: 'chat', operation: 'listChats', session, limit: 10 });
	expect(listed.run.status).toBe('success');
	const chats = listed.items.map((item) => item.json as { chat: { id: string; phone?: string; lid?: string }; name?: string });
	expect(chats.map((c) => c.chat.phone)).toEqual([FRANK, ERIN]);
	expect(chats[1]).toMatchObject({ name: 'Erin', chat: { id: `${ERIN}@s.whatsapp.net`, lid: expect.stringMatching(/@lid$/) } });

	const searched = await engine.call('GET', `/api/sessions/${SESSION}/chats?search=erin`);
	expect(searched.body.map((c: { chat: { phone: string } }) => c.chat.phone)).toEqual([ERIN]);
});

test('a recipient picked "From List" (a JID) and one typed "By Phone Number" both reach the contact', async () => {
	const fromList = await runNode(engine, {
		resource: 'message',
		operation: 'sendText',
		session,
		to: { __rl: true, mode: 'list', value: `${ERIN}@s.whatsapp.net` },
		text: 'picked from the list',
	});
	expect(fromList.run.status).toBe('success');
	await erin.waitForMessage((m) => m.id === fromList.items[0].json.id, 15_000);

	const byPhone = await runNode(engine, {
		resource: 'message',
		operation: 'sendText',
		session,
		to: { __rl: true, mode: 'phone', value: `+49 174 00000003` },
		text: 'typed as a phone number',
	});
	expect(byPhone.run.status).toBe('success');
	const received = await frank.waitForMessage((m) => m.id === byPhone.items[0].json.id, 15_000);
	expect(received.text).toBe('typed as a phone number');
});

test("chat › get messages: the chat's stored messages through the node, newest first, filtered by direction", async () => {
	const question = await erin.sendText(SHOP, 'is my order ready?');
	await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === question.id);
	const chat = { __rl: true, mode: 'phone', value: `+${ERIN}` };
	const all = await runNode(engine, { resource: 'chat', operation: 'getChatMessages', session, chat, limit: 2 });
	expect(all.run.status).toBe('success');
	expect(all.items.map((item) => item.json.text)).toEqual(['is my order ready?', 'picked from the list']);
	const received = await runNode(engine, { resource: 'chat', operation: 'getChatMessages', session, chat, limit: 10, filters: { fromMe: 'false' } });
	expect(received.items.map((item) => item.json.text)).toEqual(['is my order ready?', 'hello from Erin']);
	expect(received.items[0].json).toMatchObject({ fromMe: false, sender: { phone: ERIN } });
});

test('chat › mute: the engine answers with the end of the mute, and a bad chat id fails the node with the engine\'s message', async () => {
	// The phone shares the app-state key shortly after linking; WhatsApp takes chat-list changes only after that.
	const deadline = Date.now() + 15_000;
	while ((await engine.call('POST', `/api/sessions/${SESSION}/chats/${FRANK}/pin`, { body: { pin: false } })).status !== 200) {
		if (Date.now() > deadline) throw new Error('the app-state key never arrived');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const muted = await runNode(engine, { resource: 'chat', operation: 'muteChat', session, chat: { __rl: true, mode: 'phone', value: `+${FRANK}` }, mute: true, duration: '8h' });
	expect(muted.run.status).toBe('success');
	expect(muted.items[0].json).toMatchObject({ ok: true, chat: `${FRANK}@s.whatsapp.net`, muted: true, mutedUntil: expect.any(Number) });
	const listed = await engine.call('GET', `/api/sessions/${SESSION}/chats?search=${FRANK}`);
	expect(listed.body[0]).toMatchObject({ muted: true });

	const bad = await runNode(engine, { resource: 'chat', operation: 'pinChat', session, chat: { __rl: true, mode: 'id', value: 'nobody@s.whatsapp.net' }, pin: true });
	expect(bad.run.status).toBe('error');
	expect(runError(bad)?.message ?? '').toMatch(/is not a valid WhatsApp address/);
});

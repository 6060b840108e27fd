import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, startTestEngine, type TestEngine } from '../helpers/engine.js';

/**
 * The chat resource and the store behind it, against the sandbox with real Baileys sockets: the engine's session
 * `desk` and a second linked device `laptop` of the same WhatsApp account, so every chat-list change the engine
 * makes is checked on the other device, which only learns it from WhatsApp.
 */
const SHOP = '4915600000001';
const ERIN = '4917600000002';
const FRANK = '4917600000003';
const ERIN_JID = `${ERIN}@s.whatsapp.net`;
const FRANK_JID = `${FRANK}@s.whatsapp.net`;

let engine: TestEngine;
let erin: SimContact;
let frank: SimContact;

interface ChatSummary {
	chat: { id: string; phone?: string; lid?: string };
	name?: string;
	unreadCount: number;
	archived: boolean;
	pinned: boolean;
	muted: boolean;
	mutedUntil?: number;
	lastMessageAt?: number;
}

const api = (session: string) => ({
	get: async (path: string) => {
		const response = await engine.call('GET', `/api/sessions/${session}${path}`);
		expect(response.status).toBe(200);
		return response.body;
	},
	post: (path: string, body?: unknown) => engine.call('POST', `/api/sessions/${session}${path}`, { body }),
});
const desk = api('desk');
const laptop = api('laptop');

const chatOf = async (session: typeof desk, id: string): Promise<ChatSummary | undefined> =>
	((await session.get('/chats?limit=500')) as ChatSummary[]).find((c) => c.chat.id === id);

/** Polls until `check` holds: the other device applies a change when WhatsApp's sync notification reaches it. */
async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (check(value)) return value;
		if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Links one more device (an engine session) to the account SHOP by scanning its QR code with the simulated phone. */
async function linkSecondDevice(id: string): Promise<void> {
	await engine.call('POST', '/api/sessions', { body: { id } });
	const qr = await engine.call('GET', `/api/sessions/${id}/qr?wait=20`);
	const connected = engine.waitForEvent((e) => e.session === id && e.type === 'session.connected', 20_000);
	await engine.sandbox!.scanQr(qr.body.value, { phone: SHOP, name: 'Shop' });
	await connected;
}

/** Whether a session can write app state yet: the phone shares its sync key just after linking. */
const appStateReady = async (session: typeof desk, chat: string) => {
	const response = await session.post(`/chats/${chat}/pin`, { pin: false });
	return response.status === 200;
};

beforeAll(async () => {
	engine = await startPairedSandboxEngine('desk', SHOP);
	await linkSecondDevice('laptop');
	erin = await engine.sandbox!.createContact({ phone: ERIN, name: 'Erin' });
	frank = await engine.sandbox!.createContact({ phone: FRANK, name: 'Frank' });

	const hello = await erin.sendText(SHOP, 'hello, is the shop open?');
	await engine.waitForEvent((e) => e.session === 'desk' && e.type === 'message.received' && e.data.id === hello.id);
	const reply = await desk.post('/messages/text', { to: `+${ERIN}`, text: 'yes, until 6 pm' });
	expect(reply.status).toBe(201);
	await erin.waitForMessage((m) => m.id === reply.body.id, 15_000);
	for (const text of ['two questions', 'do you deliver?']) {
		const sent = await frank.sendText(SHOP, text);
		await engine.waitForEvent((e) => e.session === 'desk' && e.type === 'message.received' && e.data.id === sent.id);
	}
	await eventually('app-state key on desk', () => appStateReady(desk, ERIN), Boolean);
	await eventually('app-state key on laptop', () => appStateReady(laptop, ERIN), Boolean);
});
afterAll(async () => {
	await engine?.dispose();
});

describe('listChats and getChatMessages, from the store', () => {
	it('lists each chat once with phone, LID, push name and unread count, newest first', async () => {
		// Baileys counts unread messages in chat updates it may hold back briefly in its event buffer.
		const chats = await eventually('two unread from Frank', async () => (await desk.get('/chats')) as ChatSummary[], (list) => list[0]?.unreadCount === 2);
		expect(chats.map((c) => c.chat.id)).toEqual([FRANK_JID, ERIN_JID]);
		expect(chats[0]).toMatchObject({ chat: { phone: FRANK, lid: expect.stringMatching(/@lid$/) }, name: 'Frank', unreadCount: 2, archived: false, pinned: false, muted: false });
		// Erin's chat was answered from this account, which reads it.
		expect(chats[1]).toMatchObject({ chat: { phone: ERIN }, name: 'Erin', unreadCount: 0 });
		expect((await desk.get('/chats?search=erin')).map((c: ChatSummary) => c.chat.id)).toEqual([ERIN_JID]);
	});

	it("reads a chat's messages newest first, addressed by phone number, JID or LID, with filters", async () => {
		const messages = await desk.get(`/chats/${ERIN}/messages`);
		expect(messages.map((m: { text: string }) => m.text)).toEqual(['yes, until 6 pm', 'hello, is the shop open?']);
		expect(messages[0]).toMatchObject({ fromMe: true, type: 'text', chat: { id: ERIN_JID, phone: ERIN } });
		expect(messages[1]).toMatchObject({ fromMe: false, sender: { phone: ERIN, lid: expect.stringMatching(/@lid$/), name: 'Erin' } });
		const lid = messages[1].sender.lid as string;
		expect((await desk.get(`/chats/${encodeURIComponent(lid)}/messages`)).map((m: { id: string }) => m.id)).toEqual(messages.map((m: { id: string }) => m.id));
		expect((await desk.get(`/chats/${ERIN_JID}/messages?fromMe=false`)).map((m: { text: string }) => m.text)).toEqual(['hello, is the shop open?']);
		expect((await desk.get(`/chats/${ERIN}/messages?search=6%20pm`)).map((m: { text: string }) => m.text)).toEqual(['yes, until 6 pm']);
		expect(await desk.get(`/chats/${ERIN}/messages?limit=1&offset=1`)).toHaveLength(1);
		const future = new Date(Date.now() + 3600_000).toISOString();
		expect(await desk.get(`/chats/${ERIN}/messages?startTime=${encodeURIComponent(future)}`)).toEqual([]);
	});

	it('rejects bad filters with a 400 naming the field', async () => {
		const response = await engine.call('GET', `/api/sessions/desk/chats/${ERIN}/messages?startTime=yesterday`);
		expect(response.status).toBe(400);
		expect(JSON.stringify(response.body)).toContain('startTime');
	});

	it('knows the contacts and the LID mappings it learned from the messages', async () => {
		const contacts = await desk.get('/contacts');
		expect(contacts).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ id: ERIN_JID, phone: ERIN, lid: expect.stringMatching(/@lid$/), pushName: 'Erin' }),
				expect.objectContaining({ id: FRANK_JID, phone: FRANK, pushName: 'Frank' }),
			]),
		);
		expect((await desk.get('/contacts?search=frank')).map((c: { id: string }) => c.id)).toEqual([FRANK_JID]);
		// The one-person lookup adds the names the store knows to what WhatsApp answers.
		expect(await desk.get(`/contacts/%2B${ERIN}`)).toMatchObject({ phone: ERIN, exists: true, pushName: 'Erin' });
		const { total, mappings } = await desk.get('/lid-mappings');
		const erinLid = contacts.find((c: { id: string }) => c.id === ERIN_JID).lid;
		expect(total).toBe(mappings.length);
		expect(mappings).toEqual(expect.arrayContaining([expect.objectContaining({ lid: erinLid, pn: ERIN_JID })]));
	});
});

describe('chat-list changes reach the account\'s other device through WhatsApp', () => {
	it('pinChat pins and unpins', async () => {
		expect((await desk.post(`/chats/${ERIN}/pin`, { pin: true })).body).toMatchObject({ ok: true, chat: ERIN_JID, pinned: true });
		await eventually('desk shows the pin', () => chatOf(desk, ERIN_JID), (c) => c?.pinned === true);
		await eventually('laptop shows the pin', () => chatOf(laptop, ERIN_JID), (c) => c?.pinned === true);
		// Pinned chats come first even when older.
		expect((await desk.get('/chats'))[0].chat.id).toBe(ERIN_JID);
		await desk.post(`/chats/${ERIN}/pin`, { pin: false });
		await eventually('laptop shows the unpin', () => chatOf(laptop, ERIN_JID), (c) => c?.pinned === false);
	});

	it('archiveChat archives and unarchives, with the last message taken from the store', async () => {
		expect((await desk.post(`/chats/${FRANK}/archive`, { archive: true })).status).toBe(200);
		await eventually('laptop shows the archive', () => chatOf(laptop, FRANK_JID), (c) => c?.archived === true);
		expect((await desk.get('/chats?archived=true')).map((c: ChatSummary) => c.chat.id)).toEqual([FRANK_JID]);
		await desk.post(`/chats/${FRANK}/archive`, { archive: false });
		await eventually('laptop shows the unarchive', () => chatOf(laptop, FRANK_JID), (c) => c?.archived === false);
	});

	it('muteChat mutes for 8 hours, always, and unmutes', async () => {
		const before = Date.now();
		const eight = await desk.post(`/chats/${FRANK}/mute`, { mute: true, duration: '8h' });
		expect(eight.status).toBe(200);
		expect(eight.body.mutedUntil).toBeGreaterThanOrEqual(before + 8 * 3600_000);
		const muted = await eventually('laptop shows the mute', () => chatOf(laptop, FRANK_JID), (c) => c?.muted === true);
		expect(Math.abs(muted!.mutedUntil! - eight.body.mutedUntil)).toBeLessThan(1000);
		await desk.post(`/chats/${FRANK}/mute`, { mute: true, duration: 'always' });
		await eventually('laptop shows "always"', () => chatOf(laptop, FRANK_JID), (c) => c?.mutedUntil === -1);
		await desk.post(`/chats/${FRANK}/mute`, { mute: false });
		await eventually('laptop shows the unmute', () => chatOf(laptop, FRANK_JID), (c) => c?.muted === false);
	});

	it('rejects an unknown mute duration with a 400 and changes nothing', async () => {
		const response = await desk.post(`/chats/${FRANK}/mute`, { mute: true, duration: 'forever' });
		expect(response.status).toBe(400);
		expect((await chatOf(desk, FRANK_JID))?.muted).toBe(false);
	});

	it('archiving a chat the engine has no message of needs the last message (422), and works with it', async () => {
		const stranger = '4917600000099';
		const refused = await desk.post(`/chats/${stranger}/archive`, { archive: true });
		expect(refused.status).toBe(422);
		expect(refused.body.error.message).toContain('lastMessage');
		const accepted = await desk.post(`/chats/${stranger}/archive`, { archive: true, lastMessage: { id: '3EB0AAAAAAAAAAAAAAAA', timestamp: Math.floor(Date.now() / 1000), fromMe: false } });
		expect(accepted.status).toBe(200);
		await eventually('laptop shows the archived chat', () => chatOf(laptop, `${stranger}@s.whatsapp.net`), (c) => c?.archived === true);
	});

	it('clearChat empties the chat but keeps it', async () => {
		expect((await desk.post(`/chats/${FRANK}/clear`)).body).toMatchObject({ ok: true, chat: FRANK_JID, cleared: true });
		expect(await desk.get(`/chats/${FRANK}/messages`)).toEqual([]);
		expect(await chatOf(desk, FRANK_JID)).toBeDefined();
	});

	it('deleteChat removes the chat here and on the other device; a new message brings it back', async () => {
		const response = await engine.call('DELETE', `/api/sessions/desk/chats/${ERIN}`);
		expect(response.status).toBe(200);
		expect(await chatOf(desk, ERIN_JID)).toBeUndefined();
		expect(await desk.get(`/chats/${ERIN}/messages`)).toEqual([]);
		await eventually('laptop drops the chat', () => chatOf(laptop, ERIN_JID), (c) => c === undefined);
		const again = await erin.sendText(SHOP, 'me again');
		await engine.waitForEvent((e) => e.session === 'desk' && e.type === 'message.received' && e.data.id === again.id);
		await eventually('the chat is back with one unread message', () => chatOf(desk, ERIN_JID), (c) => c?.unreadCount === 1);
		expect((await desk.get(`/chats/${ERIN}/messages`)).map((m: { text: string }) => m.text)).toEqual(['me again']);
	});
});

describe('the store serves group sends', () => {
	it('keeps the metadata of a group after the first send, so later sends need no metadata query', async () => {
		const created = await desk.post('/groups', { subject: 'Deliveries', participants: [`+${ERIN}`, `+${FRANK}`] });
		expect(created.status).toBe(201);
		const sent = await desk.post('/messages/text', { to: created.body.id, text: 'van leaves at 9' });
		expect(sent.status).toBe(201);
		await frank.waitForMessage((m) => m.id === sent.body.id, 15_000);
		const db = new Database(join(engine.dataDir, 'engine.sqlite'), { readonly: true });
		try {
			const row = db.prepare('SELECT data FROM group_metadata WHERE session_id = ? AND jid = ?').get('desk', created.body.id) as { data: string } | undefined;
			expect(JSON.parse(row!.data)).toMatchObject({ id: created.body.id, subject: 'Deliveries' });
		} finally {
			db.close();
		}
		expect(await chatOf(desk, created.body.id)).toMatchObject({ name: 'Deliveries' });
	});
});

describe('after a restart', () => {
	it("a chat's messages are still listed, with what was sent and received before", async () => {
		const before = await desk.get(`/chats/${FRANK}/messages`);
		const reply = await desk.post('/messages/text', { to: `+${FRANK}`, text: 'we deliver on Tuesdays' });
		await frank.waitForMessage((m) => m.id === reply.body.id, 15_000);
		const question = await frank.sendText(SHOP, 'and on Fridays?');
		await engine.waitForEvent((e) => e.session === 'desk' && e.type === 'message.received' && e.data.id === question.id);
		const listed = await desk.get(`/chats/${FRANK}/messages`);
		expect(listed.map((m: { text: string }) => m.text)).toEqual(['and on Fridays?', 'we deliver on Tuesdays', ...before.map((m: { text: string }) => m.text)]);

		const dataDir = engine.dataDir;
		await engine.stop();
		engine = await startTestEngine({ sandbox: true, dataDir });
		const after = await engine.call('GET', `/api/sessions/desk/chats/${FRANK}/messages`);
		expect(after.status).toBe(200);
		expect(after.body).toEqual(listed);
		expect((await engine.call('GET', '/api/sessions/desk/chats')).body.map((c: ChatSummary) => c.chat.id)).toContain(FRANK_JID);
	});
});

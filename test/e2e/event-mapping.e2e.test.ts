import type { WASocket } from '@whiskeysockets/baileys';
import { EventEmitter } from 'node:events';
import type { EngineEvent, NewEvent } from '../../engine/src/events/types.js';
import { forwardSocketEvents } from '../../engine/src/sessions/baileys-events.js';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';

/**
 * Real WhatsApp traffic from simulated contacts, through the engine's Baileys socket, comes out as the engine's
 * public events: reactions, edits, revokes, typing and online state, group changes.
 */
const SESSION = 'mapping';
const SHOP = '4915300000011';
const DORA = '4917300000012';
const EVE = '4917300000013';
const SHOP_JID = `${SHOP}@s.whatsapp.net`;

let engine: TestEngine;
let dora: SimContact;
let eve: SimContact;

const ofSession = (type: string, check: (e: EngineEvent) => boolean) => (e: EngineEvent) => e.session === SESSION && e.type === type && check(e);
const doraSays = async (text: string) => {
	const { id } = await dora.sendText(SHOP, text);
	await engine.waitForEvent(ofSession('message.received', (e) => e.data.id === id));
	return { id, remoteJid: SHOP_JID, fromMe: true };
};

beforeAll(async () => {
	engine = await startTestEngine({ sandbox: true });
	await engine.call('POST', '/api/sessions', { body: { id: SESSION } });
	const qr = await engine.call('GET', `/api/sessions/${SESSION}/qr?wait=20`);
	const connected = engine.events.next((e) => e.session === SESSION && e.type === 'session.connected', 20_000);
	await engine.sandbox!.scanQr(qr.body.value, { phone: SHOP, name: 'Shop' });
	expect(await connected).toBeDefined();
	dora = await engine.sandbox!.createContact({ phone: DORA, name: 'Dora' });
	eve = await engine.sandbox!.createContact({ phone: EVE, name: 'Eve' });
});
afterAll(async () => {
	await engine?.dispose();
});

describe('messages', () => {
	test('a reaction is message.reaction with the emoji and the target id, never message.received; removal has an empty emoji', async () => {
		const key = await doraSays('react to me');
		await dora.react(SHOP, key, '👍');
		const reacted = await engine.waitForEvent(ofSession('message.reaction', (e) => e.data.targetId === key.id && e.data.emoji === '👍'));
		expect(reacted.data).toMatchObject({ emoji: '👍', removed: false, targetId: key.id, fromMe: false });
		expect(reacted.sender?.phone).toBe(DORA);
		expect(reacted.chat?.phone).toBe(DORA);

		await dora.react(SHOP, key, '');
		const removed = await engine.waitForEvent(ofSession('message.reaction', (e) => e.data.targetId === key.id && e.data.emoji === ''));
		expect(removed.data).toMatchObject({ emoji: '', removed: true, targetId: key.id });
		expect(removed.id).not.toBe(reacted.id);

		const asMessages = engine.events.list({ after: 0, limit: 1_000_000 }).filter((e) => e.session === SESSION && e.type === 'message.received' && e.data.type === 'reaction');
		expect(asMessages).toEqual([]);
	});

	test('an edit is message.updated with the new text and the target id', async () => {
		const key = await doraSays('helo');
		await dora.socket.sendMessage(SHOP_JID, { edit: key, text: 'hello, edited' });
		const edited = await engine.waitForEvent(ofSession('message.updated', (e) => e.data.targetId === key.id));
		expect(edited.data).toMatchObject({ targetId: key.id, text: 'hello, edited', by: `${DORA}@s.whatsapp.net`, content: { type: 'text', text: 'hello, edited' } });
		expect(edited.sender?.phone).toBe(DORA);
		// Reported by Baileys twice (protocol message and messages.update), logged once.
		expect(engine.events.list({ after: 0, limit: 1_000_000 }).filter((e) => e.type === 'message.updated' && e.data.targetId === key.id)).toHaveLength(1);
	});

	test('a delete for everyone is message.revoked with the target id and who revoked it', async () => {
		const key = await doraSays('oops');
		await dora.socket.sendMessage(SHOP_JID, { delete: key });
		const revoked = await engine.waitForEvent(ofSession('message.revoked', (e) => e.data.targetId === key.id));
		expect(revoked.data).toMatchObject({ targetId: key.id, fromMe: false, by: `${DORA}@s.whatsapp.net` });
		expect(revoked.sender?.phone).toBe(DORA);
		expect(engine.events.list({ after: 0, limit: 1_000_000 }).filter((e) => e.type === 'message.revoked' && e.data.targetId === key.id)).toHaveLength(1);
	});
});

describe('presence', () => {
	test('typing, recording and pausing in a chat are chat.presence with the state', async () => {
		const after = engine.events.list({ after: 0, limit: 1_000_000 }).at(-1)?.seq ?? 0;
		const fromDora = (state: string) => ofSession('chat.presence', (e) => e.seq > after && e.data.state === state && e.sender?.phone === DORA);
		await dora.sendPresence('composing', SHOP);
		const composing = await engine.waitForEvent(fromDora('composing'));
		expect(composing.chat?.phone).toBe(DORA);
		await dora.sendPresence('recording', SHOP);
		expect((await engine.waitForEvent(fromDora('recording'))).data).toEqual({ state: 'recording', media: 'audio' });
		await dora.sendPresence('paused', SHOP);
		expect((await engine.waitForEvent(fromDora('paused'))).data).toEqual({ state: 'paused' });
		// A pause is not someone coming online.
		const presences = engine.events.list({ after, limit: 1_000_000 }).filter((e) => e.type === 'presence.update' && e.sender?.phone === DORA);
		expect(presences).toEqual([]);
	});

	test('a contact going offline and online is presence.update, once the session subscribed to them', async () => {
		// No REST route subscribes to a contact's presence yet: the test uses the session's own socket.
		const socket = (engine.sessions as unknown as { live: Map<string, { socket?: WASocket }> }).live.get(SESSION)?.socket;
		expect(socket).toBeDefined();
		const after = engine.events.list({ after: 0, limit: 1_000_000 }).at(-1)?.seq ?? 0;
		const fromEve = (state: string) => ofSession('presence.update', (e) => e.seq > after && e.data.state === state && e.sender?.phone === EVE);
		await socket!.presenceSubscribe(`${EVE}@s.whatsapp.net`);
		await engine.waitForEvent(fromEve('available'));
		await eve.sendPresence('unavailable');
		const offline = await engine.waitForEvent(fromEve('unavailable'));
		expect(offline.data.state).toBe('unavailable');
		expect(offline.chat).toBeUndefined();
	});
});

describe('groups', () => {
	let group: string;

	test('being added to a new group is group.joined with its subject and participants', async () => {
		group = (await dora.createGroup('Team', [SHOP])).id;
		const joined = await engine.waitForEvent(ofSession('group.joined', (e) => e.chat?.id === group));
		expect(joined.data.subject).toBe('Team');
		const phones = (joined.data.participants as Array<{ phone?: string }>).map((p) => p.phone).sort();
		expect(phones).toEqual([SHOP, DORA].sort());
	});

	test('adding, promoting and removing members are group.participants with the action, the participants and the author', async () => {
		const eveJid = `${EVE}@s.whatsapp.net`;
		const changed = (action: string) =>
			engine.waitForEvent(ofSession('group.participants', (e) => e.chat?.id === group && e.data.action === action && (e.data.participants as Array<{ phone?: string }>).some((p) => p.phone === EVE)));
		await dora.socket.groupParticipantsUpdate(group, [eveJid], 'add');
		const added = await changed('add');
		expect((added.data.participants as Array<{ phone?: string }>).map((p) => p.phone)).toEqual([EVE]);
		expect((added.data.author as { phone?: string }).phone).toBe(DORA);
		expect(added.sender?.phone).toBe(DORA);
		await dora.socket.groupParticipantsUpdate(group, [eveJid], 'promote');
		expect((await changed('promote')).data.action).toBe('promote');
		await dora.socket.groupParticipantsUpdate(group, [eveJid], 'remove');
		expect((await changed('remove')).data.action).toBe('remove');
	});

	test('subject, description and announce changes are group.update with only what changed', async () => {
		await dora.socket.groupUpdateSubject(group, 'Team, renamed');
		const subject = await engine.waitForEvent(ofSession('group.update', (e) => e.chat?.id === group && e.data.subject !== undefined));
		expect(subject.data).toMatchObject({ subject: 'Team, renamed' });
		expect(subject.data).not.toHaveProperty('announce');
		expect((subject.data.author as { phone?: string }).phone).toBe(DORA);
		await dora.socket.groupUpdateDescription(group, 'what we do');
		expect((await engine.waitForEvent(ofSession('group.update', (e) => e.chat?.id === group && e.data.description !== undefined))).data.description).toBe('what we do');
		await dora.socket.groupSettingUpdate(group, 'announcement');
		expect((await engine.waitForEvent(ofSession('group.update', (e) => e.chat?.id === group && e.data.announce !== undefined))).data.announce).toBe(true);
	});
});

/**
 * Calls, contact and chat changes, the blocklist, history sync and labels: the sandbox produces none of these yet,
 * so their mapping is checked on the Baileys event payloads themselves (the shapes Baileys 7 emits).
 */
describe('mapped from Baileys payloads (no sandbox traffic for these yet)', () => {
	const mapped = (name: string, payload: unknown): NewEvent[] => {
		const out: NewEvent[] = [];
		const ev = new EventEmitter();
		const socket = { ev, signalRepository: { lidMapping: { getPNForLID: async () => null } } } as unknown as WASocket;
		const detach = forwardSocketEvents(socket, 's1', (e) => out.push(e));
		ev.emit(name, payload);
		detach();
		expect(ev.listenerCount(name)).toBe(0);
		return out;
	};
	const from = `${DORA}@s.whatsapp.net`;

	test('call offer, accept and terminate (reject, timeout) are call.* with the call id', () => {
		const call = { chatId: from, from, id: 'CALL1', date: new Date(1_700_000_000_000), isVideo: true, isGroup: false, offline: false };
		const [offer] = mapped('call', [{ ...call, status: 'offer' }]);
		expect(offer).toMatchObject({ type: 'call.offer', timestamp: 1_700_000_000_000, sender: { phone: DORA }, data: { callId: 'CALL1', status: 'offer', isVideo: true, isGroup: false } });
		expect(mapped('call', [{ ...call, status: 'accept' }])[0]!.type).toBe('call.accept');
		expect(mapped('call', [{ ...call, status: 'reject' }])[0]).toMatchObject({ type: 'call.terminate', data: { status: 'reject' } });
		expect(mapped('call', [{ ...call, status: 'timeout' }])[0]!.type).toBe('call.terminate');
		expect(mapped('call', [{ ...call, status: 'ringing' }])).toEqual([]);
		// The same report twice is the same event.
		expect(mapped('call', [{ ...call, status: 'offer' }])[0]!.id).toBe(offer!.id);
	});

	test('contacts.update / contacts.upsert are contact.update with only what changed', () => {
		expect(mapped('contacts.update', [{ id: from, imgUrl: 'changed' }])[0]).toMatchObject({ type: 'contact.update', sender: { phone: DORA }, data: { picture: 'changed' } });
		expect(mapped('contacts.upsert', [{ id: from, name: 'Dora B.', notify: 'dora' }])[0]!.data).toEqual({ name: 'Dora B.', notify: 'dora' });
		expect(mapped('contacts.update', [{ id: from }])).toEqual([]);
	});

	test('chats.update is chat.update with archived, pinned, muted and unread', () => {
		const [update] = mapped('chats.update', [{ id: from, archived: true, pinned: 1_700_000_000, muteEndTime: 1_800_000_000_000, unreadCount: 2 }]);
		expect(update).toMatchObject({ type: 'chat.update', chat: { phone: DORA }, data: { archived: true, pinned: true, mutedUntil: 1_800_000_000_000, unreadCount: 2 } });
		expect(mapped('chats.update', [{ id: from, conversationTimestamp: 5 }])).toEqual([]);
	});

	test('blocklist.update, messaging-history.set and labels are blocklist.update, history.sync and label.*', () => {
		expect(mapped('blocklist.update', { blocklist: [from], type: 'add' })[0]).toMatchObject({ type: 'blocklist.update', data: { action: 'add', parties: [{ id: from, phone: DORA }] } });
		const [history] = mapped('messaging-history.set', { chats: [{ id: from }], contacts: [], messages: [{ key: { id: 'M1' } }, { key: { id: 'M2' } }], isLatest: true, progress: 100, syncType: 2 });
		expect(history).toMatchObject({ type: 'history.sync', data: { chats: 1, contacts: 0, messages: 2, isLatest: true, progress: 100, syncType: 'FULL' } });
		expect(mapped('labels.edit', { id: '3', name: 'VIP', color: 2, deleted: false })[0]).toMatchObject({ type: 'label.edit', data: { labelId: '3', name: 'VIP', color: 2, deleted: false } });
		expect(mapped('labels.edit', { id: '3', name: 'VIP', color: 2, deleted: true })[0]!.type).toBe('label.deleted');
		expect(mapped('labels.association', { type: 'add', association: { type: 'label_jid', chatId: from, labelId: '3' } })[0]).toMatchObject({ type: 'label.added', chat: { phone: DORA }, data: { labelId: '3' } });
		expect(mapped('labels.association', { type: 'remove', association: { type: 'label_message', chatId: from, messageId: 'M1', labelId: '3' } })[0]).toMatchObject({ type: 'label.removed', data: { labelId: '3', messageId: 'M1' } });
	});
});

import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { openDatabase, type Db } from '../../../engine/src/store/db.js';
import { ChatStore } from '../../../engine/src/store/chat-store.js';
import { EventEmitter } from 'node:events';
import type { WASocket } from '@whiskeysockets/baileys';
import { feedStore, SessionStore } from '../../../engine/src/sessions/store-feed.js';
import { createLogger } from '../../../engine/src/lib/logger.js';

/** The store on a real SQLite file, through the session's view that turns Baileys messages into rows. */
const ALICE = '4917100000001@s.whatsapp.net';
const ALICE_LID = '88000000000001@lid';
const GROUP = '120363000000000001@g.us';

let dir: string;
let db: Db;
let store: ChatStore;
let shop: SessionStore;

const text = (id: string, chat: string, body: string, options: { fromMe?: boolean; at?: number; alt?: string; participant?: string; pushName?: string } = {}): WAMessage => ({
	key: { remoteJid: chat, id, fromMe: options.fromMe ?? false, ...(options.alt && { remoteJidAlt: options.alt }), ...(options.participant && { participant: options.participant }) },
	message: { conversation: body },
	messageTimestamp: options.at ?? 1_700_000_000,
	...(options.pushName && { pushName: options.pushName }),
});

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-store-test-'));
	db = openDatabase(path.join(dir, 'engine.sqlite'));
	store = new ChatStore(db);
	shop = new SessionStore('shop', store);
});
afterEach(() => {
	db.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('messages', () => {
	test('a message comes back as the same protobuf, with the alternative address the protobuf cannot carry', () => {
		const original = text('M1', ALICE_LID, 'hello', { alt: ALICE, pushName: 'Alice' });
		expect(shop.saveMessage(original)).toBe(ALICE);
		const found = shop.findMessage('M1')!;
		expect(found.message?.conversation).toBe('hello');
		expect(found.key).toMatchObject({ remoteJid: ALICE_LID, remoteJidAlt: ALICE, id: 'M1', fromMe: false });
		expect(found.pushName).toBe('Alice');
		// Found by either address of the chat, not by another chat.
		expect(shop.findMessage('M1', ALICE_LID)?.key.id).toBe('M1');
		expect(shop.findMessage('M1', ALICE)?.key.id).toBe('M1');
		expect(shop.findMessage('M1', '4917100000009@s.whatsapp.net')).toBeUndefined();
	});

	test('signalling messages (reactions, protocol messages) are not stored as messages', () => {
		const reaction: WAMessage = { key: { remoteJid: ALICE, id: 'R1' }, message: { reactionMessage: { text: '👍', key: { id: 'M1' } } } };
		const revoke: WAMessage = { key: { remoteJid: ALICE, id: 'P1' }, message: { protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE } } };
		expect(shop.saveMessage(reaction)).toBeUndefined();
		expect(shop.saveMessage(revoke)).toBeUndefined();
		expect(store.listMessages('shop', ALICE, { limit: 10, offset: 0 })).toEqual([]);
	});

	test('a LID chat is kept under the phone number once the mapping is known, so one conversation stays one chat', () => {
		expect(shop.saveMessage(text('M1', ALICE_LID, 'before the mapping'))).toBe(ALICE_LID);
		shop.learnMapping(ALICE_LID, ALICE);
		expect(shop.saveMessage(text('M2', ALICE_LID, 'after the mapping'))).toBe(ALICE);
		expect(shop.chatId(ALICE_LID)).toBe(ALICE);
		expect(shop.addressesOf(ALICE)).toEqual({ phone: '4917100000001', lid: ALICE_LID });
	});

	test('listing: newest first, paged, filtered by time, direction, media and text', () => {
		shop.saveMessage(text('M1', ALICE, 'first order', { at: 1000 }));
		shop.saveMessage(text('M2', ALICE, 'thanks!', { at: 2000, fromMe: true }));
		shop.saveMessage({ key: { remoteJid: ALICE, id: 'M3' }, message: { imageMessage: { caption: 'the receipt', mimetype: 'image/png' } }, messageTimestamp: 3000 });
		shop.saveMessage(text('M4', ALICE, 'second order', { at: 4000 }));
		shop.saveMessage(text('OTHER', GROUP, 'not this chat', { at: 5000, participant: ALICE }));
		const ids = (query: Partial<Parameters<ChatStore['listMessages']>[2]>) =>
			store.listMessages('shop', ALICE, { limit: 10, offset: 0, ...query }).map((m) => m.id);
		expect(ids({})).toEqual(['M4', 'M3', 'M2', 'M1']);
		expect(ids({ limit: 2, offset: 1 })).toEqual(['M3', 'M2']);
		expect(ids({ startTime: 2_000_000, endTime: 3_000_000 })).toEqual(['M3', 'M2']);
		expect(ids({ fromMe: true })).toEqual(['M2']);
		expect(ids({ fromMe: false })).toEqual(['M4', 'M3', 'M1']);
		expect(ids({ mediaOnly: true })).toEqual(['M3']);
		expect(ids({ search: 'order' })).toEqual(['M4', 'M1']);
		expect(ids({ search: 'receipt' })).toEqual(['M3']);
		// LIKE wildcards in a search are literal characters.
		expect(ids({ search: '%' })).toEqual([]);
		expect(store.listMessages('shop', GROUP, { limit: 10, offset: 0 })[0]).toMatchObject({ id: 'OTHER', sender: ALICE });
	});

	test('the newest message of a chat is what archive and clear need', () => {
		shop.saveMessage(text('OLD', ALICE, 'old', { at: 1000 }));
		shop.saveMessage(text('NEW', ALICE, 'new', { at: 2000, fromMe: true }));
		expect(shop.lastMessages(ALICE)).toEqual([{ key: expect.objectContaining({ id: 'NEW', fromMe: true, remoteJid: ALICE }), messageTimestamp: 2000 }]);
	});

	test('prune deletes messages older than the cut-off and keeps the chat', () => {
		shop.saveMessage(text('OLD', ALICE, 'old', { at: 1000 }));
		shop.saveMessage(text('NEW', ALICE, 'new', { at: 3000 }));
		store.upsertChat('shop', ALICE, { lastMessageAt: 3_000_000 });
		expect(store.prune(2_000_000)).toBe(1);
		expect(store.listMessages('shop', ALICE, { limit: 10, offset: 0 }).map((m) => m.id)).toEqual(['NEW']);
		expect(store.getChat('shop', ALICE)).toBeDefined();
	});
});

describe('chats', () => {
	test('unread counts add up and reset; flags change only when WhatsApp says so', () => {
		store.upsertChat('shop', ALICE, { addUnread: 1, lastMessageAt: 1000 });
		store.upsertChat('shop', ALICE, { addUnread: 1, lastMessageAt: 2000 });
		expect(store.getChat('shop', ALICE)).toMatchObject({ unreadCount: 2, archived: false, pinned: false, lastMessageAt: 2000 });
		store.upsertChat('shop', ALICE, { archived: true, pinned: true, mutedUntil: -1 });
		// A later message does not unarchive, unpin or unmute, and an older one does not move the time back.
		store.upsertChat('shop', ALICE, { addUnread: 1, lastMessageAt: 1500 });
		expect(store.getChat('shop', ALICE)).toMatchObject({ unreadCount: 3, archived: true, pinned: true, mutedUntil: -1, lastMessageAt: 2000 });
		store.upsertChat('shop', ALICE, { unreadCount: 0, archived: false, mutedUntil: undefined });
		expect(store.getChat('shop', ALICE)).toMatchObject({ unreadCount: 0, archived: false, pinned: true });
		expect(store.getChat('shop', ALICE)?.mutedUntil).toBeUndefined();
	});

	test('a chat is found by id, phone number or LID; listing puts pinned chats first, then the newest', () => {
		store.upsertChat('shop', ALICE, { phone: '4917100000001', lid: ALICE_LID, name: 'Alice', lastMessageAt: 1000 });
		store.upsertChat('shop', GROUP, { name: 'Night shift', lastMessageAt: 3000 });
		store.upsertChat('shop', '4917100000002@s.whatsapp.net', { lastMessageAt: 2000, pinned: true });
		expect(store.getChat('shop', ALICE_LID)?.id).toBe(ALICE);
		expect(store.getChat('shop', '4917100000001')?.id).toBe(ALICE);
		const ids = (query = {}) => store.listChats('shop', { limit: 10, offset: 0, ...query }).map((c) => c.id);
		expect(ids()).toEqual(['4917100000002@s.whatsapp.net', GROUP, ALICE]);
		expect(ids({ search: 'night' })).toEqual([GROUP]);
		expect(ids({ search: '88000' })).toEqual([ALICE]);
		expect(ids({ archived: true })).toEqual([]);
		expect(store.listChats('other-session', { limit: 10, offset: 0 })).toEqual([]);
	});

	test('deleting a chat removes its messages too; other chats stay', () => {
		shop.saveMessage(text('M1', ALICE, 'hello'));
		shop.saveMessage(text('G1', GROUP, 'hi all', { participant: ALICE }));
		store.upsertChat('shop', ALICE, {});
		store.deleteChat('shop', ALICE);
		expect(store.getChat('shop', ALICE)).toBeUndefined();
		expect(shop.findMessage('M1')).toBeUndefined();
		expect(shop.findMessage('G1')?.key.id).toBe('G1');
	});
});

describe('contacts, LID mappings, groups', () => {
	test('contacts merge what each source knows and are searched by any name', () => {
		store.upsertContact('shop', { id: ALICE, phone: '4917100000001', notify: 'Ali' });
		store.upsertContact('shop', { id: ALICE, lid: ALICE_LID, name: 'Alice Example' });
		expect(store.getContact('shop', ALICE_LID)).toEqual({ id: ALICE, phone: '4917100000001', lid: ALICE_LID, name: 'Alice Example', notify: 'Ali' });
		expect(shop.listContacts({ limit: 10, offset: 0, search: 'ali' })).toEqual([
			{ id: ALICE, phone: '4917100000001', lid: ALICE_LID, name: 'Alice Example', pushName: 'Ali' },
		]);
		expect(shop.listContacts({ limit: 10, offset: 0, search: 'bob' })).toEqual([]);
	});

	test('LID mappings count each time they resolve an address', () => {
		shop.learnMapping(ALICE, ALICE_LID);
		expect(shop.listLidMappings(10, 0)).toEqual({ total: 1, mappings: [{ lid: ALICE_LID, pn: ALICE, usageCount: 0, learnedAt: expect.any(Number) }] });
		expect(shop.chatId(ALICE_LID)).toBe(ALICE);
		expect(shop.chatId(ALICE_LID)).toBe(ALICE);
		expect(shop.listLidMappings(10, 0).mappings[0]).toMatchObject({ usageCount: 2, lastUsed: expect.any(Number) });
	});

	test('group metadata is kept until forgotten, and names the group chat', () => {
		const metadata = { id: GROUP, subject: 'Night shift', owner: ALICE, participants: [{ id: ALICE, admin: 'superadmin' as const }], addressingMode: 'pn' };
		shop.saveGroup(metadata as never);
		expect(shop.groupMetadata(GROUP)).toEqual(metadata);
		expect(store.getChat('shop', GROUP)?.name).toBe('Night shift');
		store.forgetGroup('shop', GROUP);
		expect(shop.groupMetadata(GROUP)).toBeUndefined();
	});

	test('wiping a session removes its rows and no other session\'s', () => {
		const other = new SessionStore('other', store);
		for (const s of [shop, other]) {
			s.saveMessage(text('M1', ALICE, 'hello'));
			s.learnMapping(ALICE, ALICE_LID);
			store.upsertContact(s.sessionId, { id: ALICE, notify: 'Ali' });
		}
		store.wipe('shop');
		expect(shop.findMessage('M1')).toBeUndefined();
		expect(shop.listContacts({ limit: 10, offset: 0 })).toEqual([]);
		expect(shop.listLidMappings(10, 0).total).toBe(0);
		expect(other.findMessage('M1')?.key.id).toBe('M1');
		expect(other.listLidMappings(10, 0).total).toBe(1);
	});
});

describe('the feed from Baileys events', () => {
	let ev: EventEmitter;
	let detach: () => void;
	beforeEach(() => {
		ev = new EventEmitter();
		detach = feedStore({ ev } as unknown as WASocket, shop, createLogger('silent'));
	});
	afterEach(() => detach());
	const chat = () => store.getChat('shop', ALICE)!;

	test('chat updates count new unread messages; 0 reads the chat, -1 marks it unread; history sync sets the count', () => {
		ev.emit('chats.update', [{ id: ALICE, unreadCount: 1 }]);
		ev.emit('chats.update', [{ id: ALICE, unreadCount: 2 }]);
		expect(chat().unreadCount).toBe(3);
		ev.emit('chats.update', [{ id: ALICE, unreadCount: 0 }]);
		expect(chat().unreadCount).toBe(0);
		ev.emit('chats.update', [{ id: ALICE, unreadCount: -1 }]);
		expect(chat().unreadCount).toBe(1);
		ev.emit('chats.upsert', [{ id: ALICE, unreadCount: 5 }]);
		expect(chat().unreadCount).toBe(5);
	});

	test('pin, archive and mute as WhatsApp reports them, including their removal', () => {
		ev.emit('chats.update', [{ id: ALICE, pinned: 1_700_000_000, archived: true, muteEndTime: 1_700_003_600 }]);
		expect(chat()).toMatchObject({ pinned: true, archived: true, mutedUntil: 1_700_003_600_000 });
		ev.emit('chats.update', [{ id: ALICE, pinned: null, archived: false, muteEndTime: null }]);
		expect(chat()).toMatchObject({ pinned: false, archived: false });
		expect(chat().mutedUntil).toBeUndefined();
		ev.emit('chats.update', [{ id: ALICE, muteEndTime: -1 }]);
		expect(chat().mutedUntil).toBe(-1);
		ev.emit('chats.delete', [ALICE]);
		expect(store.getChat('shop', ALICE)).toBeUndefined();
	});

	test('edits replace the text, revokes and deletions remove the message, a cleared chat loses all', () => {
		ev.emit('messages.upsert', { type: 'notify', messages: [text('M1', ALICE, 'typo'), text('M2', ALICE, 'second'), text('M3', ALICE, 'third')] });
		ev.emit('messages.update', [{ key: { remoteJid: ALICE, id: 'M1' }, update: { message: { editedMessage: { message: { conversation: 'fixed' } } } } }]);
		expect(store.findMessage('shop', 'M1', ALICE)?.text).toBe('fixed');
		ev.emit('messages.update', [{ key: { remoteJid: ALICE, id: 'M2' }, update: { message: null, messageStubType: proto.WebMessageInfo.StubType.REVOKE } }]);
		ev.emit('messages.delete', { keys: [{ remoteJid: ALICE, id: 'M3' }] });
		expect(store.listMessages('shop', ALICE, { limit: 10, offset: 0 }).map((m) => m.id)).toEqual(['M1']);
		ev.emit('messages.update', [{ key: { remoteJid: ALICE, id: 'M1', fromMe: false }, update: { status: proto.WebMessageInfo.Status.READ } }]);
		expect(store.findMessage('shop', 'M1', ALICE)?.status).toBe('read');
		ev.emit('messages.delete', { jid: ALICE, all: true });
		expect(store.listMessages('shop', ALICE, { limit: 10, offset: 0 })).toEqual([]);
	});

	test('history sync brings chats, contacts, LID mappings and messages', () => {
		ev.emit('messaging-history.set', {
			chats: [{ id: ALICE_LID, unreadCount: 4, name: 'Alice' }],
			contacts: [{ id: ALICE, lid: ALICE_LID, name: 'Alice Example', notify: 'Ali' }],
			messages: [text('H1', ALICE_LID, 'from last year', { at: 1_600_000_000 })],
			lidPnMappings: [{ lid: ALICE_LID, pn: ALICE }],
		});
		expect(chat()).toMatchObject({ id: ALICE, lid: ALICE_LID, phone: '4917100000001', unreadCount: 4, name: 'Alice' });
		expect(store.getContact('shop', ALICE)).toMatchObject({ name: 'Alice Example', notify: 'Ali', lid: ALICE_LID });
		expect(store.listMessages('shop', ALICE, { limit: 10, offset: 0 }).map((m) => m.id)).toEqual(['H1']);
	});

	test('a message from a new person stores their push name as a contact; sending reads the chat', () => {
		ev.emit('chats.update', [{ id: ALICE, unreadCount: 1 }]);
		ev.emit('messages.upsert', { type: 'notify', messages: [text('M1', ALICE_LID, 'hi', { alt: ALICE, pushName: 'Ali' })] });
		expect(store.getContact('shop', ALICE)).toMatchObject({ id: ALICE, lid: ALICE_LID, notify: 'Ali' });
		expect(chat()).toMatchObject({ name: 'Ali', unreadCount: 1 });
		ev.emit('messages.upsert', { type: 'append', messages: [text('M2', ALICE, 'hello Ali', { fromMe: true })] });
		expect(chat().unreadCount).toBe(0);
	});

	test('a group change makes the next send fetch the metadata again', () => {
		shop.saveGroup({ id: GROUP, subject: 'Night shift', participants: [] } as never);
		ev.emit('group-participants.update', { id: GROUP, author: ALICE, participants: [], action: 'add' });
		expect(shop.groupMetadata(GROUP)).toBeUndefined();
		shop.saveGroup({ id: GROUP, subject: 'Night shift', participants: [] } as never);
		ev.emit('groups.update', [{ id: GROUP, subject: 'Day shift' }]);
		expect(shop.groupMetadata(GROUP)).toBeUndefined();
		expect(store.getChat('shop', GROUP)?.name).toBe('Day shift');
	});
});

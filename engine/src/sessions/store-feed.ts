import {
	isJidGroup,
	isPnUser,
	isLidUser,
	jidNormalizedUser,
	normalizeMessageContent,
	proto,
	toNumber,
	type BaileysEventMap,
	type Chat,
	type ChatUpdate,
	type Contact,
	type GroupMetadata,
	type WAMessage,
	type WASocket,
} from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';
import { lidOf, phoneOf } from '../lib/recipient.js';
import type { ChatPatch, ChatStore, StoredMessage } from '../store/chat-store.js';
import { describeContent } from './baileys-events.js';

/** Content kinds that are signalling, not messages a person wrote: they change other messages or keys. */
const SIGNALLING = new Set(['protocolMessage', 'reactionMessage', 'senderKeyDistributionMessage', 'pollUpdateMessage', 'messageContextInfo']);

/**
 * The session's view of the chat store: resolves addresses to the chat id the store keys by, turns Baileys'
 * messages into rows and back. The only place that knows both Baileys and the store's shape.
 */
export class SessionStore {
	constructor(
		readonly sessionId: string,
		readonly store: ChatStore,
	) {}

	/**
	 * The id a person's or group's chat is kept under: the phone-number JID when known (from the alternative
	 * address or a learned mapping), else the LID. Groups, newsletters and broadcasts are their own JID.
	 */
	chatId(jid: string, alt?: string | null): string {
		const id = jidNormalizedUser(jid);
		if (!isLidUser(id)) return id;
		const altId = alt ? jidNormalizedUser(alt) : undefined;
		if (altId && isPnUser(altId)) return altId;
		return this.store.pnForLid(this.sessionId, id) ?? id;
	}

	/** Phone number and LID of a person, from what the store learned. */
	addressesOf(jid: string): { phone?: string; lid?: string } {
		const phone = phoneOf(jid);
		const lid = lidOf(jid) ?? (phone ? this.store.lidForPn(this.sessionId, jid) : undefined);
		const pn = phone ? jid : lid ? this.store.pnForLid(this.sessionId, lid) : undefined;
		return { ...(phoneOf(pn) && { phone: phoneOf(pn) }), ...(lid && { lid }) };
	}

	learnMapping(a: string | null | undefined, b: string | null | undefined): void {
		if (!a || !b) return;
		const [x, y] = [jidNormalizedUser(a), jidNormalizedUser(b)];
		const lid = isLidUser(x) ? x : isLidUser(y) ? y : undefined;
		const pn = isPnUser(x) ? x : isPnUser(y) ? y : undefined;
		if (lid && pn) this.store.setLidMapping(this.sessionId, lid, pn);
	}

	/** Stores a message a person wrote (signalling messages are skipped); returns the row's chat id. */
	saveMessage(message: WAMessage, status?: string): string | undefined {
		const key = message.key;
		if (!key.remoteJid || !key.id || !message.message) return undefined;
		const content = normalizeMessageContent(message.message);
		const kinds = Object.keys(content ?? {});
		if (kinds.length === 0 || kinds.every((kind) => SIGNALLING.has(kind))) return undefined;
		this.learnMapping(key.remoteJid, key.remoteJidAlt);
		this.learnMapping(key.participant, key.participantAlt);
		const chat = this.chatId(key.remoteJid, key.remoteJidAlt);
		const described = describeContent(message.message);
		const senderJid = key.fromMe ? undefined : isJidGroup(key.remoteJid) ? key.participant : key.remoteJid;
		const sender = senderJid ? this.chatId(senderJid, isJidGroup(key.remoteJid) ? key.participantAlt : key.remoteJidAlt) : undefined;
		const row: Omit<StoredMessage, 'data'> & { data: Uint8Array } = {
			chat,
			id: key.id,
			fromMe: Boolean(key.fromMe),
			...(sender && { sender }),
			timestamp: toNumber(message.messageTimestamp ?? 0) * 1000 || Date.now(),
			type: String(described.type),
			...(typeof (described.text ?? described.caption) === 'string' && { text: String(described.text ?? described.caption) }),
			hasMedia: described.media !== undefined,
			...(status && { status }),
			data: proto.WebMessageInfo.encode(message).finish(),
			remoteJid: key.remoteJid,
			...(key.remoteJidAlt && { remoteJidAlt: key.remoteJidAlt }),
			...(key.participantAlt && { participantAlt: key.participantAlt }),
		};
		this.store.saveMessage(this.sessionId, row);
		return chat;
	}

	/** A stored message as Baileys' WAMessage again, with the key's alternative addresses restored. */
	restore(stored: StoredMessage): WAMessage {
		const message = proto.WebMessageInfo.decode(stored.data) as WAMessage;
		message.key = {
			...message.key,
			...(stored.remoteJidAlt && { remoteJidAlt: stored.remoteJidAlt }),
			...(stored.participantAlt && { participantAlt: stored.participantAlt }),
		};
		return message;
	}

	/** A message by id (and chat, when given), for quotes, reactions, edits, downloads and retry requests. */
	findMessage(id: string, chat?: string): WAMessage | undefined {
		const stored = this.store.findMessage(this.sessionId, id, chat ? this.chatId(chat) : undefined);
		return stored && this.restore(stored);
	}

	/** The newest messages of a chat in the shape `chatModify` wants, which WhatsApp needs to archive, clear or delete it. */
	lastMessages(chat: string, count = 1): Array<Pick<WAMessage, 'key' | 'messageTimestamp'>> {
		return this.store.lastMessages(this.sessionId, chat, count).map((stored) => {
			const message = this.restore(stored);
			return { key: message.key, messageTimestamp: toNumber(message.messageTimestamp) };
		});
	}

	/** The people the account knows, with saved name, push name and verified business name. */
	listContacts(query: { limit: number; offset: number; search?: string }) {
		return this.store.listContacts(this.sessionId, query).map((contact) => ({
			id: contact.id,
			...(contact.phone && { phone: contact.phone }),
			...(contact.lid && { lid: contact.lid }),
			...(contact.name && { name: contact.name }),
			...(contact.notify && { pushName: contact.notify }),
			...(contact.verifiedName && { verifiedName: contact.verifiedName }),
		}));
	}

	/** The names the store knows of one person (by phone-number JID or LID): saved, push and verified business name. */
	names(jid: string): { name?: string; pushName?: string; verifiedName?: string } {
		const contact = this.store.getContact(this.sessionId, this.chatId(jid));
		if (!contact) return {};
		return { ...(contact.name && { name: contact.name }), ...(contact.notify && { pushName: contact.notify }), ...(contact.verifiedName && { verifiedName: contact.verifiedName }) };
	}

	listLidMappings(limit: number, offset: number) {
		return this.store.listLidMappings(this.sessionId, limit, offset);
	}

	groupMetadata(jid: string): GroupMetadata | undefined {
		return this.store.getGroup<GroupMetadata>(this.sessionId, jid);
	}

	saveGroup(metadata: GroupMetadata): void {
		this.store.saveGroup(this.sessionId, metadata.id, metadata.subject, metadata);
		this.store.upsertChat(this.sessionId, metadata.id, { name: metadata.subject });
	}
}

/**
 * A chat as the store's patch: only the fields WhatsApp actually sent. History sync and `chats.upsert` carry the
 * unread count itself; in `chats.update` Baileys sends a positive count as the number of new unread messages, 0 when
 * the chat was read and -1 when a user marked it unread.
 */
function chatPatch(chat: Chat | ChatUpdate, unreadIsDelta: boolean): ChatPatch {
	const patch: ChatPatch = {};
	if (chat.name) patch.name = chat.name;
	if (typeof chat.unreadCount === 'number') {
		if (!unreadIsDelta) patch.unreadCount = Math.max(0, chat.unreadCount);
		else if (chat.unreadCount > 0) patch.addUnread = chat.unreadCount;
		else patch.unreadCount = chat.unreadCount === 0 ? 0 : 1;
	}
	if ('archived' in chat && chat.archived != null) patch.archived = Boolean(chat.archived);
	if ('pinned' in chat) patch.pinned = Boolean(chat.pinned && toNumber(chat.pinned) > 0);
	if ('muteEndTime' in chat) {
		const end = chat.muteEndTime == null ? 0 : toNumber(chat.muteEndTime);
		patch.mutedUntil = end === 0 ? undefined : end < 0 ? -1 : end < 1e12 ? end * 1000 : end;
	}
	const at = toNumber(chat.conversationTimestamp ?? chat.lastMessageRecvTimestamp ?? 0);
	if (at > 0) patch.lastMessageAt = at < 1e12 ? at * 1000 : at;
	return patch;
}

/**
 * Keeps the store in step with the socket: messages (live and from history sync), their status, edits, revokes
 * and deletions, chats, contacts, LID mappings and group metadata. Returns a function that stops listening.
 */
export function feedStore(socket: WASocket, target: SessionStore, logger: Logger): () => void {
	const { store, sessionId } = target;
	const addresses = (jid: string) => target.addressesOf(jid);
	const guard =
		<K extends keyof BaileysEventMap>(event: K, handle: (data: BaileysEventMap[K]) => void) =>
		(data: BaileysEventMap[K]) => {
			try {
				store.transaction(() => handle(data));
			} catch (error) {
				// A store failure must not break the connection; the event itself is already in the event log.
				logger.error({ sessionId, err: error, event }, 'could not store a WhatsApp update');
			}
		};

	const saveMessage = (message: WAMessage, live: boolean) => {
		const chat = target.saveMessage(message);
		if (!chat) return;
		const fromMe = Boolean(message.key.fromMe);
		// WhatsApp dates messages to the second; live ones are ordered by arrival, so two in one second keep their order.
		const at = Math.max(toNumber(message.messageTimestamp ?? 0) * 1000, live ? Date.now() : 0);
		const name = !fromMe && !isJidGroup(chat) ? (message.pushName ?? undefined) : undefined;
		store.upsertChat(sessionId, chat, {
			...addresses(chat),
			...(name && { name }),
			lastMessageAt: at,
			// Writing in a chat reads it on every WhatsApp client. (Unread messages are counted by chats.update.)
			...(fromMe && { unreadCount: 0 }),
		});
		const senderJid = fromMe ? undefined : isJidGroup(message.key.remoteJid!) ? message.key.participant : message.key.remoteJid;
		if (senderJid && message.pushName) {
			const id = target.chatId(senderJid, isJidGroup(message.key.remoteJid!) ? message.key.participantAlt : message.key.remoteJidAlt);
			store.upsertContact(sessionId, { id, ...addresses(id), notify: message.pushName });
		}
	};

	const saveContact = (contact: Partial<Contact>) => {
		if (!contact.id) return;
		target.learnMapping(contact.id, contact.lid ?? contact.phoneNumber);
		const id = target.chatId(contact.id, contact.lid ?? contact.phoneNumber);
		if (isJidGroup(id)) return;
		store.upsertContact(sessionId, {
			id,
			...addresses(id),
			...(contact.name && { name: contact.name }),
			...(contact.notify && { notify: contact.notify }),
			...(contact.verifiedName && { verifiedName: contact.verifiedName }),
		});
	};

	const saveChat = (chat: Chat | ChatUpdate, unreadIsDelta = false) => {
		if (!chat.id) return;
		const id = target.chatId(chat.id);
		store.upsertChat(sessionId, id, { ...addresses(id), ...chatPatch(chat, unreadIsDelta) });
	};

	const handlers: { [K in keyof BaileysEventMap]?: (data: BaileysEventMap[K]) => void } = {
		'messages.upsert': ({ messages, type }) => {
			for (const message of messages) saveMessage(message, type === 'notify' || type === 'append');
		},
		'messages.update': (updates) => {
			for (const { key, update } of updates) {
				if (!key.remoteJid || !key.id) continue;
				const chat = target.chatId(key.remoteJid, key.remoteJidAlt);
				if (typeof update.status === 'number') {
					const status = proto.WebMessageInfo.Status[update.status];
					if (status) store.setMessageStatus(sessionId, chat, key.id, status.toLowerCase());
				}
				if (update.message === null && update.messageStubType === proto.WebMessageInfo.StubType.REVOKE) {
					store.deleteMessage(sessionId, chat, key.id);
				} else if (update.message) {
					// An edit: Baileys hands the message with its new content.
					const stored = store.findMessage(sessionId, key.id, chat);
					if (!stored) continue;
					const message = target.restore(stored);
					message.message = update.message;
					const described = describeContent(update.message);
					const text = (described.text ?? described.caption) as string | undefined;
					store.setMessageContent(sessionId, chat, key.id, text, proto.WebMessageInfo.encode(message).finish());
				}
			}
		},
		'messages.delete': (deletion) => {
			if ('all' in deletion) {
				store.clearMessages(sessionId, target.chatId(deletion.jid));
				return;
			}
			for (const key of deletion.keys) {
				if (key.remoteJid && key.id) store.deleteMessage(sessionId, target.chatId(key.remoteJid, key.remoteJidAlt), key.id);
			}
		},
		'messaging-history.set': ({ chats, contacts, messages, lidPnMappings }) => {
			for (const mapping of lidPnMappings ?? []) target.learnMapping(mapping.lid, mapping.pn);
			for (const contact of contacts) saveContact(contact);
			for (const chat of chats) saveChat(chat);
			for (const message of messages) saveMessage(message, false);
		},
		'chats.upsert': (chats) => chats.forEach((chat) => saveChat(chat)),
		'chats.update': (updates) => updates.forEach((update) => saveChat(update, true)),
		'chats.delete': (ids) => {
			for (const id of ids) store.deleteChat(sessionId, target.chatId(id));
		},
		'contacts.upsert': (contacts) => contacts.forEach(saveContact),
		'contacts.update': (updates) => updates.forEach(saveContact),
		'lid-mapping.update': ({ lid, pn }) => target.learnMapping(lid, pn),
		'groups.upsert': (groups) => groups.forEach((group) => target.saveGroup(group)),
		// Changed metadata is fetched again on the next send rather than patched: WhatsApp's answer is the truth.
		'groups.update': (updates) => {
			for (const update of updates) {
				if (!update.id) continue;
				store.forgetGroup(sessionId, update.id);
				if (update.subject) store.upsertChat(sessionId, update.id, { name: update.subject });
			}
		},
		'group-participants.update': ({ id }) => store.forgetGroup(sessionId, id),
	};

	const attached = Object.entries(handlers).map(([event, handle]) => {
		const listener = guard(event as keyof BaileysEventMap, handle as never);
		socket.ev.on(event as keyof BaileysEventMap, listener as never);
		return () => socket.ev.off(event as keyof BaileysEventMap, listener as never);
	});
	return () => attached.forEach((detach) => detach());
}

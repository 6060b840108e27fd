import type { Db } from './db.js';

/**
 * What the engine remembers of a session's WhatsApp account: messages, chats, contacts, the LID ↔ phone-number
 * map and group metadata. Baileys 7 ships no store, and listing chats or messages, answering retry requests,
 * archiving or clearing a chat (WhatsApp wants the chat's last messages) and sending to big groups without
 * refetching their metadata all need one. It knows nothing of Baileys: the sessions module hands it plain rows and
 * the message protobuf as bytes.
 *
 * A person's chat is kept under their phone-number JID when it is known, else under their LID, so the same
 * conversation does not split in two when WhatsApp switches how it addresses them.
 */

export interface StoredMessage {
	chat: string;
	id: string;
	fromMe: boolean;
	/** Author: the participant in groups, the other person in 1:1 chats, undefined for own messages. */
	sender?: string;
	timestamp: number;
	type: string;
	text?: string;
	hasMedia: boolean;
	status?: string;
	/** The message as WhatsApp's `WebMessageInfo` protobuf. */
	data: Buffer;
	/** The key's alternative addresses, which the protobuf does not carry. */
	remoteJid: string;
	remoteJidAlt?: string;
	participantAlt?: string;
}

export interface ChatRow {
	id: string;
	phone?: string;
	lid?: string;
	name?: string;
	unreadCount: number;
	archived: boolean;
	pinned: boolean;
	/** Epoch ms the mute ends; -1 = muted until unmuted; undefined = not muted. */
	mutedUntil?: number;
	lastMessageAt?: number;
}

export type ChatPatch = Partial<Omit<ChatRow, 'id' | 'unreadCount'>> & { unreadCount?: number; addUnread?: number };

export interface ContactRow {
	id: string;
	phone?: string;
	lid?: string;
	name?: string;
	notify?: string;
	verifiedName?: string;
}

export interface LidMappingRow {
	lid: string;
	pn: string;
	usageCount: number;
	lastUsed?: number;
	learnedAt: number;
}

export interface MessageQuery {
	limit: number;
	offset: number;
	/** Epoch ms bounds, inclusive. */
	startTime?: number;
	endTime?: number;
	mediaOnly?: boolean;
	fromMe?: boolean;
	search?: string;
}

interface MessageRecord {
	chat_jid: string;
	id: string;
	from_me: number;
	sender_jid: string | null;
	timestamp: number;
	type: string;
	text: string | null;
	has_media: number;
	status: string | null;
	data: Buffer;
	remote_jid: string;
	remote_jid_alt: string | null;
	participant_alt: string | null;
}

interface ChatRecord {
	jid: string;
	phone: string | null;
	lid: string | null;
	name: string | null;
	unread_count: number;
	archived: number;
	pinned: number;
	muted_until: number | null;
	last_message_at: number | null;
}

interface ContactRecord {
	jid: string;
	phone: string | null;
	lid: string | null;
	name: string | null;
	notify: string | null;
	verified_name: string | null;
}

/** The phone number in a phone-number JID or bare digits; null for LIDs and groups. */
const phoneDigits = (address: string): string | null => address.match(/^(\d+)(@s\.whatsapp\.net)?$/)?.[1] ?? null;
const like = (search: string) => `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const toMessage = (r: MessageRecord): StoredMessage => ({
	chat: r.chat_jid,
	id: r.id,
	fromMe: r.from_me === 1,
	...(r.sender_jid && { sender: r.sender_jid }),
	timestamp: r.timestamp,
	type: r.type,
	...(r.text !== null && { text: r.text }),
	hasMedia: r.has_media === 1,
	...(r.status && { status: r.status }),
	data: r.data,
	remoteJid: r.remote_jid,
	...(r.remote_jid_alt && { remoteJidAlt: r.remote_jid_alt }),
	...(r.participant_alt && { participantAlt: r.participant_alt }),
});

const toChat = (r: ChatRecord): ChatRow => ({
	id: r.jid,
	...(r.phone && { phone: r.phone }),
	...(r.lid && { lid: r.lid }),
	...(r.name && { name: r.name }),
	unreadCount: r.unread_count,
	archived: r.archived === 1,
	pinned: r.pinned === 1,
	...(r.muted_until !== null && { mutedUntil: r.muted_until }),
	...(r.last_message_at !== null && { lastMessageAt: r.last_message_at }),
});

const toContact = (r: ContactRecord): ContactRow => ({
	id: r.jid,
	...(r.phone && { phone: r.phone }),
	...(r.lid && { lid: r.lid }),
	...(r.name && { name: r.name }),
	...(r.notify && { notify: r.notify }),
	...(r.verified_name && { verifiedName: r.verified_name }),
});

export class ChatStore {
	private readonly s;
	readonly transaction: <T>(work: () => T) => T;

	constructor(private readonly db: Db) {
		this.transaction = <T>(work: () => T) => db.transaction(work)();
		this.s = {
			saveMessage: db.prepare(
				`INSERT INTO chat_messages (session_id, chat_jid, id, from_me, sender_jid, timestamp, type, text, has_media, status, data, remote_jid, remote_jid_alt, participant_alt)
				 VALUES (@session, @chat, @id, @fromMe, @sender, @timestamp, @type, @text, @hasMedia, @status, @data, @remoteJid, @remoteJidAlt, @participantAlt)
				 ON CONFLICT (session_id, chat_jid, id, from_me) DO UPDATE SET
				   sender_jid = coalesce(excluded.sender_jid, sender_jid), type = excluded.type, text = excluded.text,
				   has_media = excluded.has_media, status = coalesce(excluded.status, status), data = excluded.data,
				   remote_jid_alt = coalesce(excluded.remote_jid_alt, remote_jid_alt), participant_alt = coalesce(excluded.participant_alt, participant_alt)`,
			),
			findMessage: db.prepare<[string, string], MessageRecord>('SELECT * FROM chat_messages WHERE session_id = ? AND id = ? ORDER BY timestamp DESC LIMIT 1'),
			findInChat: db.prepare<[string, string, string], MessageRecord>('SELECT * FROM chat_messages WHERE session_id = ? AND chat_jid = ? AND id = ? LIMIT 1'),
			setStatus: db.prepare<[string, string, string, string]>('UPDATE chat_messages SET status = ? WHERE session_id = ? AND chat_jid = ? AND id = ?'),
			setContent: db.prepare<[string | null, Buffer, string, string, string]>('UPDATE chat_messages SET text = ?, data = ? WHERE session_id = ? AND chat_jid = ? AND id = ?'),
			deleteMessage: db.prepare<[string, string, string]>('DELETE FROM chat_messages WHERE session_id = ? AND chat_jid = ? AND id = ?'),
			clearChat: db.prepare<[string, string]>('DELETE FROM chat_messages WHERE session_id = ? AND chat_jid = ?'),
			lastMessages: db.prepare<[string, string, number], MessageRecord>(
				'SELECT * FROM chat_messages WHERE session_id = ? AND chat_jid = ? ORDER BY timestamp DESC, rowid DESC LIMIT ?',
			),
			upsertChat: db.prepare(
				`INSERT INTO chats (session_id, jid, phone, lid, name, unread_count, archived, pinned, muted_until, last_message_at, updated_at)
				 VALUES (@session, @id, @phone, @lid, @name, coalesce(@unreadCount, @addUnread, 0), coalesce(@archived, 0), coalesce(@pinned, 0), @mutedUntil, @lastMessageAt, @now)
				 ON CONFLICT (session_id, jid) DO UPDATE SET
				   phone = coalesce(excluded.phone, phone), lid = coalesce(excluded.lid, lid), name = coalesce(@name, name),
				   unread_count = coalesce(@unreadCount, unread_count + coalesce(@addUnread, 0)),
				   archived = coalesce(@archived, archived), pinned = coalesce(@pinned, pinned),
				   muted_until = CASE WHEN @muteKnown = 1 THEN @mutedUntil ELSE muted_until END,
				   last_message_at = max(coalesce(last_message_at, 0), coalesce(@lastMessageAt, 0)), updated_at = @now`,
			),
			getChat: db.prepare<[{ session: string; jid: string; phone: string | null }], ChatRecord>(
				'SELECT * FROM chats WHERE session_id = @session AND (jid = @jid OR lid = @jid OR phone = @phone) ORDER BY jid = @jid DESC LIMIT 1',
			),
			deleteChat: db.prepare<[string, string]>('DELETE FROM chats WHERE session_id = ? AND jid = ?'),
			upsertContact: db.prepare(
				`INSERT INTO contacts (session_id, jid, phone, lid, name, notify, verified_name, updated_at)
				 VALUES (@session, @id, @phone, @lid, @name, @notify, @verifiedName, @now)
				 ON CONFLICT (session_id, jid) DO UPDATE SET
				   phone = coalesce(excluded.phone, phone), lid = coalesce(excluded.lid, lid), name = coalesce(excluded.name, name),
				   notify = coalesce(excluded.notify, notify), verified_name = coalesce(excluded.verified_name, verified_name), updated_at = @now`,
			),
			getContact: db.prepare<[{ session: string; jid: string; phone: string | null }], ContactRecord>(
				'SELECT * FROM contacts WHERE session_id = @session AND (jid = @jid OR lid = @jid OR phone = @phone) ORDER BY jid = @jid DESC LIMIT 1',
			),
			setLid: db.prepare<[string, string, string, number]>(
				`INSERT INTO lid_mappings (session_id, lid, pn, usage_count, learned_at) VALUES (?, ?, ?, 0, ?)
				 ON CONFLICT (session_id, lid) DO UPDATE SET pn = excluded.pn`,
			),
			pnForLid: db.prepare<[string, string], { pn: string }>('SELECT pn FROM lid_mappings WHERE session_id = ? AND lid = ?'),
			lidForPn: db.prepare<[string, string], { lid: string }>('SELECT lid FROM lid_mappings WHERE session_id = ? AND pn = ?'),
			useLid: db.prepare<[number, string, string]>('UPDATE lid_mappings SET usage_count = usage_count + 1, last_used = ? WHERE session_id = ? AND lid = ?'),
			lidMappings: db.prepare<[string, number, number], { lid: string; pn: string; usage_count: number; last_used: number | null; learned_at: number }>(
				'SELECT * FROM lid_mappings WHERE session_id = ? ORDER BY learned_at, lid LIMIT ? OFFSET ?',
			),
			countLidMappings: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM lid_mappings WHERE session_id = ?'),
			saveGroup: db.prepare<[string, string, string | null, string, number]>(
				`INSERT INTO group_metadata (session_id, jid, subject, data, updated_at) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT (session_id, jid) DO UPDATE SET subject = excluded.subject, data = excluded.data, updated_at = excluded.updated_at`,
			),
			getGroup: db.prepare<[string, string], { data: string }>('SELECT data FROM group_metadata WHERE session_id = ? AND jid = ?'),
			forgetGroup: db.prepare<[string, string]>('DELETE FROM group_metadata WHERE session_id = ? AND jid = ?'),
			prune: db.prepare<[number]>('DELETE FROM chat_messages WHERE timestamp < ?'),
			wipe: ['chat_messages', 'chats', 'contacts', 'lid_mappings', 'group_metadata'].map((table) =>
				db.prepare<[string]>(`DELETE FROM ${table} WHERE session_id = ?`),
			),
		};
	}

	saveMessage(session: string, message: Omit<StoredMessage, 'data'> & { data: Uint8Array }): void {
		this.s.saveMessage.run({
			session,
			chat: message.chat,
			id: message.id,
			fromMe: message.fromMe ? 1 : 0,
			sender: message.sender ?? null,
			timestamp: message.timestamp,
			type: message.type,
			text: message.text ?? null,
			hasMedia: message.hasMedia ? 1 : 0,
			status: message.status ?? null,
			data: Buffer.from(message.data),
			remoteJid: message.remoteJid,
			remoteJidAlt: message.remoteJidAlt ?? null,
			participantAlt: message.participantAlt ?? null,
		});
	}

	/** A message by id; with `chat`, only if it belongs to that chat. */
	findMessage(session: string, id: string, chat?: string): StoredMessage | undefined {
		const row = chat ? this.s.findInChat.get(session, chat, id) : this.s.findMessage.get(session, id);
		return row && toMessage(row);
	}

	setMessageStatus(session: string, chat: string, id: string, status: string): void {
		this.s.setStatus.run(status, session, chat, id);
	}

	/** An edit: the new text and the updated protobuf. */
	setMessageContent(session: string, chat: string, id: string, text: string | undefined, data: Uint8Array): void {
		this.s.setContent.run(text ?? null, Buffer.from(data), session, chat, id);
	}

	deleteMessage(session: string, chat: string, id: string): void {
		this.s.deleteMessage.run(session, chat, id);
	}

	clearMessages(session: string, chat: string): void {
		this.s.clearChat.run(session, chat);
	}

	/** The newest messages of a chat, newest first. */
	lastMessages(session: string, chat: string, count: number): StoredMessage[] {
		return this.s.lastMessages.all(session, chat, count).map(toMessage);
	}

	listMessages(session: string, chat: string, query: MessageQuery): StoredMessage[] {
		const where = ['session_id = ?', 'chat_jid = ?'];
		const args: Array<string | number> = [session, chat];
		if (query.startTime !== undefined) where.push('timestamp >= ?'), args.push(query.startTime);
		if (query.endTime !== undefined) where.push('timestamp <= ?'), args.push(query.endTime);
		if (query.mediaOnly) where.push('has_media = 1');
		if (query.fromMe !== undefined) where.push('from_me = ?'), args.push(query.fromMe ? 1 : 0);
		if (query.search) where.push("text LIKE ? ESCAPE '\\'"), args.push(like(query.search));
		const sql = `SELECT * FROM chat_messages WHERE ${where.join(' AND ')} ORDER BY timestamp DESC, rowid DESC LIMIT ? OFFSET ?`;
		return this.db
			.prepare<Array<string | number>, MessageRecord>(sql)
			.all(...args, query.limit, query.offset)
			.map(toMessage);
	}

	upsertChat(session: string, id: string, patch: ChatPatch): void {
		this.s.upsertChat.run({
			session,
			id,
			phone: patch.phone ?? null,
			lid: patch.lid ?? null,
			name: patch.name ?? null,
			unreadCount: patch.unreadCount ?? null,
			addUnread: patch.addUnread ?? null,
			archived: patch.archived === undefined ? null : patch.archived ? 1 : 0,
			pinned: patch.pinned === undefined ? null : patch.pinned ? 1 : 0,
			muteKnown: 'mutedUntil' in patch ? 1 : 0,
			mutedUntil: patch.mutedUntil ?? null,
			lastMessageAt: patch.lastMessageAt ?? null,
			now: Date.now(),
		});
	}

	/** A chat by its id, phone number or LID. */
	getChat(session: string, idOrAddress: string): ChatRow | undefined {
		const row = this.s.getChat.get({ session, jid: idOrAddress, phone: phoneDigits(idOrAddress) });
		return row && toChat(row);
	}

	deleteChat(session: string, id: string): void {
		this.transaction(() => {
			this.s.deleteChat.run(session, id);
			this.s.clearChat.run(session, id);
		});
	}

	listChats(session: string, query: { limit: number; offset: number; search?: string; hasMedia?: boolean; archived?: boolean }): ChatRow[] {
		const where = ['c.session_id = ?'];
		const args: Array<string | number> = [session];
		if (query.search) {
			where.push("(c.jid LIKE ? ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\' OR c.lid LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')");
			args.push(...Array(4).fill(like(query.search)));
		}
		if (query.archived !== undefined) where.push('c.archived = ?'), args.push(query.archived ? 1 : 0);
		if (query.hasMedia) where.push('EXISTS (SELECT 1 FROM chat_messages m WHERE m.session_id = c.session_id AND m.chat_jid = c.jid AND m.has_media = 1)');
		const sql = `SELECT c.* FROM chats c WHERE ${where.join(' AND ')} ORDER BY c.pinned DESC, coalesce(c.last_message_at, 0) DESC, c.jid LIMIT ? OFFSET ?`;
		return this.db
			.prepare<Array<string | number>, ChatRecord>(sql)
			.all(...args, query.limit, query.offset)
			.map(toChat);
	}

	upsertContact(session: string, contact: ContactRow): void {
		this.s.upsertContact.run({
			session,
			id: contact.id,
			phone: contact.phone ?? null,
			lid: contact.lid ?? null,
			name: contact.name ?? null,
			notify: contact.notify ?? null,
			verifiedName: contact.verifiedName ?? null,
			now: Date.now(),
		});
	}

	/** A contact by id, phone number or LID. */
	getContact(session: string, idOrAddress: string): ContactRow | undefined {
		const row = this.s.getContact.get({ session, jid: idOrAddress, phone: phoneDigits(idOrAddress) });
		return row && toContact(row);
	}

	listContacts(session: string, query: { limit: number; offset: number; search?: string }): ContactRow[] {
		const where = ['session_id = ?'];
		const args: Array<string | number> = [session];
		if (query.search) {
			where.push("(jid LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR lid LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR notify LIKE ? ESCAPE '\\')");
			args.push(...Array(5).fill(like(query.search)));
		}
		const sql = `SELECT * FROM contacts WHERE ${where.join(' AND ')} ORDER BY coalesce(name, notify, jid) COLLATE NOCASE, jid LIMIT ? OFFSET ?`;
		return this.db
			.prepare<Array<string | number>, ContactRecord>(sql)
			.all(...args, query.limit, query.offset)
			.map(toContact);
	}

	setLidMapping(session: string, lid: string, pn: string): void {
		this.s.setLid.run(session, lid, pn, Date.now());
	}

	/** The phone-number JID of a LID, counted as a use of the mapping. */
	pnForLid(session: string, lid: string): string | undefined {
		const pn = this.s.pnForLid.get(session, lid)?.pn;
		if (pn) this.s.useLid.run(Date.now(), session, lid);
		return pn;
	}

	lidForPn(session: string, pn: string): string | undefined {
		return this.s.lidForPn.get(session, pn)?.lid;
	}

	listLidMappings(session: string, limit: number, offset: number): { total: number; mappings: LidMappingRow[] } {
		return {
			total: this.s.countLidMappings.get(session)!.n,
			mappings: this.s.lidMappings.all(session, limit, offset).map((r) => ({
				lid: r.lid,
				pn: r.pn,
				usageCount: r.usage_count,
				...(r.last_used !== null && { lastUsed: r.last_used }),
				learnedAt: r.learned_at,
			})),
		};
	}

	saveGroup(session: string, jid: string, subject: string | undefined, metadata: unknown): void {
		this.s.saveGroup.run(session, jid, subject ?? null, JSON.stringify(metadata), Date.now());
	}

	getGroup<T>(session: string, jid: string): T | undefined {
		const row = this.s.getGroup.get(session, jid);
		return row ? (JSON.parse(row.data) as T) : undefined;
	}

	forgetGroup(session: string, jid: string): void {
		this.s.forgetGroup.run(session, jid);
	}

	/** Deletes messages older than `before` (epoch ms); chats, contacts and mappings stay. */
	prune(before: number): number {
		return this.s.prune.run(before).changes;
	}

	/** Everything of one session, for logout and delete. */
	wipe(session: string): void {
		this.transaction(() => {
			for (const statement of this.s.wipe) statement.run(session);
		});
	}
}

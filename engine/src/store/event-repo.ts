import type { EngineEvent, NewEvent } from '../events/types.js';
import { EVENT_SCHEMA_VERSION } from '../events/types.js';
import type { Db } from './db.js';

interface Row {
	seq: number;
	id: string;
	type: string;
	session_id: string;
	timestamp: number;
	body: string;
}

export interface RecentChat {
	chat: { id: string; phone?: string; lid?: string };
	name?: string;
	lastMessageAt: number;
	messages: number;
}

/**
 * The durable event log: every event is committed here before anyone is told about it. The rowid is the
 * engine's sequence number; the event id is unique, so a WhatsApp occurrence reported twice is stored once.
 */
export class EventRepository {
	private readonly statements;

	constructor(db: Db) {
		this.statements = {
			recentChats: db.prepare<
				[{ session: string; search: string | null; limit: number; offset: number }],
				{ chat: string; name: string | null; lastMessageAt: number; messages: number }
			>(
				`SELECT json_extract(body, '$.chat') AS chat,
					MAX(CASE WHEN json_extract(body, '$.sender.id') = json_extract(body, '$.chat.id') THEN json_extract(body, '$.sender.name') END) AS name,
					MAX(timestamp) AS lastMessageAt, COUNT(*) AS messages
				FROM events
				WHERE session_id = @session AND type IN ('message.received', 'message.sent') AND json_extract(body, '$.chat.id') IS NOT NULL
				GROUP BY json_extract(body, '$.chat.id')
				HAVING @search IS NULL OR instr(lower(chat || ' ' || ifnull(name, '')), lower(@search)) > 0
				ORDER BY lastMessageAt DESC LIMIT @limit OFFSET @offset`,
			),
			insert: db.prepare(
				'INSERT OR IGNORE INTO events (id, type, session_id, timestamp, body) VALUES (@id, @type, @session_id, @timestamp, @body)',
			),
			// Walks the primary key from `after`: readers are always near the end of the log.
			after: db.prepare<[{ after: number; limit: number; session: string | null; type: string | null }], Row>(
				'SELECT * FROM events WHERE seq > @after AND (@session IS NULL OR session_id = @session) AND (@type IS NULL OR type = @type) ORDER BY seq LIMIT @limit',
			),
		};
	}

	/**
	 * The chats a session exchanged messages with, newest first, as the event log remembers them (within the
	 * event retention). `name` is the last push name the chat's own person used.
	 */
	recentChats(session: string, options: { search?: string; limit: number; offset: number }): RecentChat[] {
		return this.statements.recentChats
			.all({ session, search: options.search || null, limit: options.limit, offset: options.offset })
			.map((row) => ({
				chat: JSON.parse(row.chat) as RecentChat['chat'],
				...(row.name && { name: row.name }),
				lastMessageAt: row.lastMessageAt,
				messages: row.messages,
			}));
	}

	/** Returns the stored event, or undefined when an event with this id was already logged. */
	append(event: NewEvent): EngineEvent | undefined {
		const { id, type, session, timestamp, ...rest } = event;
		const result = this.statements.insert.run({ id, type, session_id: session, timestamp, body: JSON.stringify(rest) });
		if (result.changes === 0) return undefined;
		return { ...event, seq: Number(result.lastInsertRowid), version: EVENT_SCHEMA_VERSION };
	}

	list(options: { after: number; limit: number; session?: string; type?: string }): EngineEvent[] {
		const rows = this.statements.after.all({
			after: options.after,
			limit: options.limit,
			session: options.session ?? null,
			type: options.type ?? null,
		});
		return rows.map((row) => ({
			id: row.id,
			seq: row.seq,
			version: EVENT_SCHEMA_VERSION,
			type: row.type,
			session: row.session_id,
			timestamp: row.timestamp,
			...(JSON.parse(row.body) as Pick<EngineEvent, 'chat' | 'sender' | 'data'>),
		}));
	}
}

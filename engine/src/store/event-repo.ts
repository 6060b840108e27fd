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

/**
 * The durable event log: every event is committed here before anyone is told about it. The rowid is the
 * engine's sequence number; the event id is unique, so a WhatsApp occurrence reported twice is stored once.
 */
export class EventRepository {
	private readonly statements;

	constructor(db: Db) {
		this.statements = {
			insert: db.prepare(
				'INSERT OR IGNORE INTO events (id, type, session_id, timestamp, body) VALUES (@id, @type, @session_id, @timestamp, @body)',
			),
			// Walks the primary key from `after`: readers are always near the end of the log.
			after: db.prepare<[{ after: number; limit: number; session: string | null; type: string | null }], Row>(
				'SELECT * FROM events WHERE seq > @after AND (@session IS NULL OR session_id = @session) AND (@type IS NULL OR type = @type) ORDER BY seq LIMIT @limit',
			),
		};
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

import type { Db } from './db.js';
import { decodeJson, encodeJson } from './json-codec.js';

export interface SessionRecord {
	id: string;
	name: string;
	/** SHA-256 of the session's own API key, hex; null when the session has none (admin key only). */
	apiKeyHash: string | null;
	config: SessionConfig;
	createdAt: number;
	updatedAt: number;
}

/** Per-session options kept with the session; grows with the settings resource. */
export interface SessionConfig {
	/** Whether the engine connects this session at start-up (false after disconnect/logout). */
	autoStart?: boolean;
}

interface Row {
	id: string;
	name: string;
	api_key_hash: string | null;
	config: string;
	created_at: number;
	updated_at: number;
}

const toRecord = (row: Row): SessionRecord => ({
	id: row.id,
	name: row.name,
	apiKeyHash: row.api_key_hash,
	config: decodeJson<SessionConfig>(row.config),
	createdAt: row.created_at,
	updatedAt: row.updated_at,
});

export class SessionRepository {
	private readonly statements;

	constructor(db: Db) {
		this.statements = {
			insert: db.prepare(
				'INSERT INTO sessions (id, name, api_key_hash, config, created_at, updated_at) VALUES (@id, @name, @api_key_hash, @config, @created_at, @updated_at)',
			),
			get: db.prepare<[string], Row>('SELECT * FROM sessions WHERE id = ?'),
			list: db.prepare<[], Row>('SELECT * FROM sessions ORDER BY created_at, id'),
			update: db.prepare(
				'UPDATE sessions SET name = @name, api_key_hash = @api_key_hash, config = @config, updated_at = @updated_at WHERE id = @id',
			),
			delete: db.prepare('DELETE FROM sessions WHERE id = ?'),
		};
	}

	insert(record: Omit<SessionRecord, 'createdAt' | 'updatedAt'>): SessionRecord {
		const now = Date.now();
		this.statements.insert.run({
			id: record.id,
			name: record.name,
			api_key_hash: record.apiKeyHash,
			config: encodeJson(record.config),
			created_at: now,
			updated_at: now,
		});
		return { ...record, createdAt: now, updatedAt: now };
	}

	get(id: string): SessionRecord | undefined {
		const row = this.statements.get.get(id);
		return row ? toRecord(row) : undefined;
	}

	list(): SessionRecord[] {
		return this.statements.list.all().map(toRecord);
	}

	update(id: string, change: Partial<Pick<SessionRecord, 'name' | 'apiKeyHash' | 'config'>>): SessionRecord | undefined {
		const current = this.get(id);
		if (!current) return undefined;
		const next = { ...current, ...change, updatedAt: Date.now() };
		this.statements.update.run({
			id,
			name: next.name,
			api_key_hash: next.apiKeyHash,
			config: encodeJson(next.config),
			updated_at: next.updatedAt,
		});
		return next;
	}

	/** Deletes the session row; its credentials and keys go with it (ON DELETE CASCADE). */
	delete(id: string): boolean {
		return this.statements.delete.run(id).changes > 0;
	}
}

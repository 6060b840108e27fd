import type { Db } from './db.js';
import { decodeJson, encodeJson } from './json-codec.js';

/**
 * How a key value sits in the `data` column: bare binary values (sessions, sender keys: the largest and most
 * frequent keys) as a BLOB, everything else as Buffer-preserving JSON text. Both are copies, so neither a caller
 * mutating what it wrote or read nor the cache can drift from the file.
 */
type StoredValue = Buffer | string;

const encodeValue = (value: unknown): StoredValue => (value instanceof Uint8Array ? Buffer.from(value) : encodeJson(value));

const decodeValue = (stored: StoredValue): unknown => (Buffer.isBuffer(stored) ? Buffer.from(stored) : decodeJson(stored));

/** `{ [keyType]: { [keyId]: value | null } }`: a null value deletes the key. Mirrors Baileys' SignalDataSet. */
export type KeyWrites = Record<string, Record<string, unknown | null>>;

/**
 * Credentials and Signal keys of every session, in SQLite. Each call is one transaction, so a crash in the
 * middle of a multi-key write leaves either all of it or none of it. A per-session write-through cache
 * answers repeated reads (Baileys reads the same session and sender keys for every message) without SQL.
 *
 * Knows nothing of Baileys: the sessions module adapts it to Baileys' AuthenticationState.
 */
export class AuthStore {
	/** Stored form per `type\0id` (null = known absent), exactly what the file holds. */
	private readonly cache = new Map<string, Map<string, StoredValue | null>>();
	private readonly statements;
	/** Transaction wrappers built once: better-sqlite3's db.transaction() is not free to build per call. */
	private readonly putKeysTx: (sessionId: string, rows: Array<[string, string, StoredValue | null]>) => void;
	private readonly wipeTx: (sessionId: string) => void;
	private readonly clearKeysTx: (sessionId: string) => void;

	constructor(db: Db) {
		this.statements = {
			getCreds: db.prepare<[string], { data: string }>('SELECT data FROM auth_creds WHERE session_id = ?'),
			putCreds: db.prepare(
				'INSERT INTO auth_creds (session_id, data) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET data = excluded.data',
			),
			getKey: db.prepare<[string, string, string], { data: StoredValue }>(
				'SELECT data FROM auth_keys WHERE session_id = ? AND type = ? AND id = ?',
			),
			putKey: db.prepare(
				'INSERT INTO auth_keys (session_id, type, id, data) VALUES (?, ?, ?, ?) ON CONFLICT(session_id, type, id) DO UPDATE SET data = excluded.data',
			),
			deleteKey: db.prepare('DELETE FROM auth_keys WHERE session_id = ? AND type = ? AND id = ?'),
			deleteCreds: db.prepare('DELETE FROM auth_creds WHERE session_id = ?'),
			deleteKeys: db.prepare('DELETE FROM auth_keys WHERE session_id = ?'),
		};
		const { putKey, deleteKey, deleteKeys, deleteCreds } = this.statements;
		this.putKeysTx = db.transaction((sessionId: string, rows: Array<[string, string, StoredValue | null]>) => {
			for (const [type, id, stored] of rows) {
				if (stored === null) deleteKey.run(sessionId, type, id);
				else putKey.run(sessionId, type, id, stored);
			}
		});
		this.clearKeysTx = db.transaction((sessionId: string) => deleteKeys.run(sessionId));
		this.wipeTx = db.transaction((sessionId: string) => {
			deleteKeys.run(sessionId);
			deleteCreds.run(sessionId);
		});
	}

	hasCreds(sessionId: string): boolean {
		return this.statements.getCreds.get(sessionId) !== undefined;
	}

	readCreds<T>(sessionId: string): T | undefined {
		const row = this.statements.getCreds.get(sessionId);
		return row ? decodeJson<T>(row.data) : undefined;
	}

	writeCreds(sessionId: string, creds: unknown): void {
		this.statements.putCreds.run(sessionId, encodeJson(creds));
	}

	readKeys(sessionId: string, type: string, ids: string[]): Record<string, unknown> {
		const cache = this.sessionCache(sessionId);
		const found: Record<string, unknown> = {};
		for (const id of ids) {
			const cacheKey = `${type}\u0000${id}`;
			let stored = cache.get(cacheKey);
			if (stored === undefined) {
				// Misses are cached as null: Baileys asks for absent pre-keys and sessions all the time.
				stored = this.statements.getKey.get(sessionId, type, id)?.data ?? null;
				cache.set(cacheKey, stored);
			}
			if (stored !== null) found[id] = decodeValue(stored);
		}
		return found;
	}

	writeKeys(sessionId: string, writes: KeyWrites): void {
		const rows: Array<[string, string, StoredValue | null]> = [];
		for (const [type, entries] of Object.entries(writes)) {
			for (const [id, value] of Object.entries(entries)) {
				rows.push([type, id, value === null || value === undefined ? null : encodeValue(value)]);
			}
		}
		this.putKeysTx(sessionId, rows);
		// Only a committed write reaches the cache, so a failed transaction cannot leave it ahead of the file.
		const cache = this.sessionCache(sessionId);
		for (const [type, id, stored] of rows) cache.set(`${type}\u0000${id}`, stored);
	}

	/** Removes a session's Signal keys but keeps its credentials (Baileys' `keys.clear`). */
	clearKeys(sessionId: string): void {
		this.clearKeysTx(sessionId);
		this.cache.delete(sessionId);
	}

	/** Removes a session's credentials and keys (logout): the next connect must pair again. */
	wipe(sessionId: string): void {
		this.wipeTx(sessionId);
		this.cache.delete(sessionId);
	}

	/** Drops the in-memory copy of a session (it stopped); the file remains the truth. */
	forget(sessionId: string): void {
		this.cache.delete(sessionId);
	}

	private sessionCache(sessionId: string): Map<string, StoredValue | null> {
		let cache = this.cache.get(sessionId);
		if (!cache) {
			cache = new Map();
			this.cache.set(sessionId, cache);
		}
		return cache;
	}
}

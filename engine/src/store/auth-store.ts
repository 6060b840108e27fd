import type { Db } from './db.js';
import { decodeJson, encodeJson } from './json-codec.js';

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
	/** Encoded JSON per `type\0id` (null = known absent). Text, not objects, so a caller mutating what it read
	 * cannot make the cache disagree with the file. */
	private readonly cache = new Map<string, Map<string, string | null>>();
	private readonly statements;

	constructor(private readonly db: Db) {
		this.statements = {
			getCreds: db.prepare<[string], { data: string }>('SELECT data FROM auth_creds WHERE session_id = ?'),
			putCreds: db.prepare(
				'INSERT INTO auth_creds (session_id, data) VALUES (?, ?) ON CONFLICT(session_id) DO UPDATE SET data = excluded.data',
			),
			getKey: db.prepare<[string, string, string], { data: string }>(
				'SELECT data FROM auth_keys WHERE session_id = ? AND type = ? AND id = ?',
			),
			putKey: db.prepare(
				'INSERT INTO auth_keys (session_id, type, id, data) VALUES (?, ?, ?, ?) ON CONFLICT(session_id, type, id) DO UPDATE SET data = excluded.data',
			),
			deleteKey: db.prepare('DELETE FROM auth_keys WHERE session_id = ? AND type = ? AND id = ?'),
			deleteCreds: db.prepare('DELETE FROM auth_creds WHERE session_id = ?'),
			deleteKeys: db.prepare('DELETE FROM auth_keys WHERE session_id = ?'),
		};
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
			let text = cache.get(cacheKey);
			if (text === undefined) {
				// Misses are cached as null: Baileys asks for absent pre-keys and sessions all the time.
				text = this.statements.getKey.get(sessionId, type, id)?.data ?? null;
				cache.set(cacheKey, text);
			}
			if (text !== null) found[id] = decodeJson(text);
		}
		return found;
	}

	writeKeys(sessionId: string, writes: KeyWrites): void {
		const pending: Array<[string, string | null]> = [];
		this.db.transaction(() => {
			for (const [type, entries] of Object.entries(writes)) {
				for (const [id, value] of Object.entries(entries)) {
					const text = value === null || value === undefined ? null : encodeJson(value);
					if (text === null) this.statements.deleteKey.run(sessionId, type, id);
					else this.statements.putKey.run(sessionId, type, id, text);
					pending.push([`${type}\u0000${id}`, text]);
				}
			}
		})();
		// Only a committed write reaches the cache, so a failed transaction cannot leave it ahead of the file.
		const cache = this.sessionCache(sessionId);
		for (const [key, value] of pending) cache.set(key, value);
	}

	/** Removes a session's credentials and keys (logout): the next connect must pair again. */
	wipe(sessionId: string): void {
		this.db.transaction(() => {
			this.statements.deleteKeys.run(sessionId);
			this.statements.deleteCreds.run(sessionId);
		})();
		this.cache.delete(sessionId);
	}

	/** Drops the in-memory copy of a session (it stopped); the file remains the truth. */
	forget(sessionId: string): void {
		this.cache.delete(sessionId);
	}

	private sessionCache(sessionId: string): Map<string, string | null> {
		let cache = this.cache.get(sessionId);
		if (!cache) {
			cache = new Map();
			this.cache.set(sessionId, cache);
		}
		return cache;
	}
}

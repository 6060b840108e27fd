import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Ordered schema migrations. The index + 1 is the schema version kept in `PRAGMA user_version`;
 * append new steps, never edit a shipped one.
 */
const migrations: string[] = [
	`CREATE TABLE meta (
		key TEXT PRIMARY KEY,
		value TEXT NOT NULL
	);
	CREATE TABLE sessions (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		api_key_hash TEXT,
		config TEXT NOT NULL DEFAULT '{}',
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL
	);
	CREATE TABLE auth_creds (
		session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
		data TEXT NOT NULL
	);
	CREATE TABLE auth_keys (
		session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
		type TEXT NOT NULL,
		id TEXT NOT NULL,
		data BLOB NOT NULL, -- raw bytes for binary values, JSON text otherwise
		PRIMARY KEY (session_id, type, id)
	);`,
	`CREATE TABLE events (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		type TEXT NOT NULL,
		session_id TEXT NOT NULL,
		timestamp INTEGER NOT NULL,
		body TEXT NOT NULL
	);`,
];

/**
 * Opens (and creates, and migrates) the engine's single SQLite file. WAL keeps readers and the writer out of
 * each other's way; `synchronous = NORMAL` in WAL mode never corrupts the file on a process crash, it can only
 * lose the last commits on power loss.
 */
export function openDatabase(file: string): Db {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	db.pragma('wal_autocheckpoint = 10000');
	migrate(db);
	return db;
}

function migrate(db: Db): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	if (current > migrations.length) {
		throw new Error(
			`Database schema version ${current} is newer than this engine knows (${migrations.length}); upgrade the engine.`,
		);
	}
	for (let version = current; version < migrations.length; version++) {
		db.transaction(() => {
			db.exec(migrations[version]);
			db.pragma(`user_version = ${version + 1}`);
		})();
	}
}

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
	// Webhook subscriptions: each keeps its own cursor into the event log (the last seq it is done with), its
	// delivery counters, and the events it gave up on (dead letters, with the exact body that was sent).
	`CREATE TABLE webhooks (
		id TEXT PRIMARY KEY,
		session_id TEXT,
		url TEXT NOT NULL,
		events TEXT NOT NULL,
		filters TEXT NOT NULL DEFAULT '{}',
		headers TEXT NOT NULL DEFAULT '{}',
		secret TEXT NOT NULL,
		active INTEGER NOT NULL DEFAULT 1,
		cursor INTEGER NOT NULL DEFAULT 0,
		delivered INTEGER NOT NULL DEFAULT 0,
		failed_attempts INTEGER NOT NULL DEFAULT 0,
		dead_lettered INTEGER NOT NULL DEFAULT 0,
		replayed INTEGER NOT NULL DEFAULT 0,
		last_success_at INTEGER,
		last_failure_at INTEGER,
		last_error TEXT,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL
	);
	CREATE UNIQUE INDEX webhooks_url_session ON webhooks (url, ifnull(session_id, ''));
	CREATE TABLE webhook_dead_letters (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
		event_seq INTEGER NOT NULL,
		event_id TEXT NOT NULL,
		event_type TEXT NOT NULL,
		body TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		last_error TEXT NOT NULL,
		state TEXT NOT NULL DEFAULT 'dead',
		failed_at INTEGER NOT NULL
	);
	CREATE INDEX webhook_dead_letters_by_webhook ON webhook_dead_letters (webhook_id, state, id);
	CREATE INDEX events_by_timestamp ON events (timestamp);`,
	`CREATE TABLE chat_messages (
		session_id TEXT NOT NULL,
		chat_jid TEXT NOT NULL,
		id TEXT NOT NULL,
		from_me INTEGER NOT NULL,
		sender_jid TEXT,
		timestamp INTEGER NOT NULL,
		type TEXT NOT NULL,
		text TEXT,
		has_media INTEGER NOT NULL,
		status TEXT,
		data BLOB NOT NULL,
		remote_jid TEXT NOT NULL,
		remote_jid_alt TEXT,
		participant_alt TEXT,
		PRIMARY KEY (session_id, chat_jid, id, from_me)
	);
	CREATE INDEX chat_messages_by_chat_time ON chat_messages (session_id, chat_jid, timestamp);
	CREATE INDEX chat_messages_by_id ON chat_messages (session_id, id);
	CREATE INDEX chat_messages_by_time ON chat_messages (timestamp);
	CREATE TABLE chats (
		session_id TEXT NOT NULL,
		jid TEXT NOT NULL,
		phone TEXT,
		lid TEXT,
		name TEXT,
		unread_count INTEGER NOT NULL DEFAULT 0,
		archived INTEGER NOT NULL DEFAULT 0,
		pinned INTEGER NOT NULL DEFAULT 0,
		muted_until INTEGER,
		last_message_at INTEGER,
		updated_at INTEGER NOT NULL,
		PRIMARY KEY (session_id, jid)
	) WITHOUT ROWID;
	CREATE TABLE contacts (
		session_id TEXT NOT NULL,
		jid TEXT NOT NULL,
		phone TEXT,
		lid TEXT,
		name TEXT,
		notify TEXT,
		verified_name TEXT,
		updated_at INTEGER NOT NULL,
		PRIMARY KEY (session_id, jid)
	) WITHOUT ROWID;
	CREATE TABLE lid_mappings (
		session_id TEXT NOT NULL,
		lid TEXT NOT NULL,
		pn TEXT NOT NULL,
		usage_count INTEGER NOT NULL DEFAULT 0,
		last_used INTEGER,
		learned_at INTEGER NOT NULL,
		PRIMARY KEY (session_id, lid)
	) WITHOUT ROWID;
	CREATE INDEX lid_mappings_by_pn ON lid_mappings (session_id, pn);
	CREATE TABLE group_metadata (
		session_id TEXT NOT NULL,
		jid TEXT NOT NULL,
		subject TEXT,
		data TEXT NOT NULL,
		updated_at INTEGER NOT NULL,
		PRIMARY KEY (session_id, jid)
	) WITHOUT ROWID;`,
	// Per-session settings (the settings resource): one JSON document per session, only what the user changed.
	`CREATE TABLE session_settings (
		session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
		data TEXT NOT NULL,
		updated_at INTEGER NOT NULL
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

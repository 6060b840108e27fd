import type { Db } from './db.js';
import { decodeJson, encodeJson } from './json-codec.js';

/** What a session does besides talking to WhatsApp: the settings resource. */
export interface SessionSettings {
	/** Messages sent through the API are logged as `message.sent` (a send's own `echo` option wins). */
	apiEcho: boolean;
	/** Received media events are marked so the WhatsApp Trigger does not download them. */
	skipMediaDownload: boolean;
	/** Events of group chats, newsletters, broadcast lists/status, and own messages sent elsewhere are dropped. */
	skipGroups: boolean;
	skipNewsletters: boolean;
	skipBroadcasts: boolean;
	skipOwnMessages: boolean;
	/** Incoming calls are rejected; `message` is then sent to the caller. */
	callAutoReject: { enabled: boolean; message?: string };
	/** The session goes `unavailable` after connecting and after each send, so the phone keeps its notifications. */
	autoPresenceUnavailable: boolean;
	/** This session's events are not delivered to subscriptions without a session (admin, all sessions). */
	skipGlobalWebhook: boolean;
	/** The WhatsApp connection and media transfers go through this proxy (applied on the next connect). */
	proxy: { enabled: boolean; url?: string };
}

export const defaultSettings: SessionSettings = {
	apiEcho: true,
	skipMediaDownload: false,
	skipGroups: false,
	skipNewsletters: false,
	skipBroadcasts: false,
	skipOwnMessages: false,
	callAutoReject: { enabled: false },
	autoPresenceUnavailable: false,
	skipGlobalWebhook: false,
	proxy: { enabled: false },
};

/** Per-session settings; a session nobody configured has the defaults (and no row). */
export class SessionSettingsRepository {
	private readonly statements;

	constructor(db: Db) {
		this.statements = {
			get: db.prepare<[string], { data: string }>('SELECT data FROM session_settings WHERE session_id = ?'),
			list: db.prepare<[], { session_id: string; data: string }>('SELECT session_id, data FROM session_settings ORDER BY session_id'),
			upsert: db.prepare(
				'INSERT INTO session_settings (session_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(session_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
			),
		};
	}

	get(sessionId: string): SessionSettings {
		const row = this.statements.get.get(sessionId);
		return row ? { ...defaultSettings, ...decodeJson<Partial<SessionSettings>>(row.data) } : defaultSettings;
	}

	/** Changes the given settings and keeps the others; the session must exist (foreign key). */
	update(sessionId: string, change: Partial<SessionSettings>): SessionSettings {
		const next = { ...this.get(sessionId), ...change };
		this.statements.upsert.run(sessionId, encodeJson(next), Date.now());
		return next;
	}

	/** Every session that has settings, for applying them at start-up. */
	list(): Array<{ session: string; settings: SessionSettings }> {
		return this.statements.list.all().map((row) => ({ session: row.session_id, settings: { ...defaultSettings, ...decodeJson<Partial<SessionSettings>>(row.data) } }));
	}
}

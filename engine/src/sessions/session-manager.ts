import { randomBytes, randomUUID } from 'node:crypto';
import type { EventLog } from '../events/event-log.js';
import { conflict, notFound } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { hashKey } from '../lib/keys.js';
import type { AuthStore } from '../store/auth-store.js';
import type { ChatStore } from '../store/chat-store.js';
import type { SessionRecord, SessionRepository } from '../store/session-repo.js';
import type { BackoffSettings } from './reconnect-policy.js';
import { Session, type SocketOptions } from './session.js';
import type { PendingQr, SessionStatus } from './session-status.js';

export interface SessionManagerOptions {
	repository: SessionRepository;
	authStore: AuthStore;
	chatStore: ChatStore;
	logger: Logger;
	backoff: BackoffSettings;
	socketConfig: SocketOptions;
	events: EventLog;
	onQr?: (sessionId: string, qr: PendingQr) => void;
}

export interface SessionView {
	id: string;
	name: string;
	createdAt: string;
	paired: boolean;
	hasApiKey: boolean;
	status: SessionStatus;
}

/**
 * All sessions of the engine: the rows in SQLite and the live Session objects. It remembers whether the user
 * wants each session connected (`autoStart`), so that a restart of the engine brings back exactly those.
 */
export class SessionManager {
	private readonly live = new Map<string, Session>();

	constructor(private readonly options: SessionManagerOptions) {}

	/** Starts every session the user left connected. */
	restore(): void {
		for (const record of this.options.repository.list()) {
			if (record.config.autoStart) this.session(record.id).start();
		}
	}

	create(input: { id?: string; name?: string; apiKey?: string; start: boolean }): { view: SessionView; apiKey: string } {
		const id = input.id ?? `s${randomBytes(6).toString('hex')}`;
		if (this.options.repository.get(id)) throw conflict('session_exists', `A session with id "${id}" already exists.`);
		const apiKey = input.apiKey ?? randomBytes(24).toString('base64url');
		this.options.repository.insert({ id, name: input.name ?? id, apiKeyHash: hashKey(apiKey), config: { autoStart: input.start } });
		if (input.start) this.session(id).start();
		return { view: this.view(id), apiKey };
	}

	list(): SessionView[] {
		return this.options.repository.list().map((record) => this.toView(record));
	}

	view(id: string): SessionView {
		return this.toView(this.record(id));
	}

	record(id: string): SessionRecord {
		const record = this.options.repository.get(id);
		if (!record) throw notFound('session_not_found', `No session with id "${id}".`);
		return record;
	}

	/** The live Session object of an existing session (created on first use). */
	session(id: string): Session {
		let session = this.live.get(id);
		if (!session) {
			this.record(id);
			session = new Session({
				id,
				authStore: this.options.authStore,
				chatStore: this.options.chatStore,
				logger: this.options.logger,
				backoff: this.options.backoff,
				socketConfig: this.options.socketConfig,
				onQr: (qr) => {
					this.options.onQr?.(id, qr);
					this.sessionEvent(id, 'session.qr', { value: qr.value, expiresAt: qr.expiresAt });
				},
				onStatus: (status) => this.onStatus(id, status),
				onEvent: (event) => this.options.events.append(event),
			});
			this.live.set(id, session);
		}
		return session;
	}

	connect(id: string): SessionStatus {
		this.setAutoStart(id, true);
		const session = this.session(id);
		session.start();
		return session.status;
	}

	async disconnect(id: string): Promise<SessionStatus> {
		this.setAutoStart(id, false);
		const session = this.session(id);
		await session.stop({ code: 'disconnected', message: 'Disconnected on request; credentials kept.' });
		return session.status;
	}

	async reconnect(id: string): Promise<SessionStatus> {
		this.setAutoStart(id, true);
		const session = this.session(id);
		await session.restart();
		return session.status;
	}

	async logout(id: string): Promise<SessionStatus> {
		this.setAutoStart(id, false);
		const session = this.session(id);
		await session.logout();
		return session.status;
	}

	async requestPairingCode(id: string, phone: string): Promise<string> {
		this.setAutoStart(id, true);
		return this.session(id).requestPairingCode(phone);
	}

	/** Stops the session and deletes it with its credentials and keys. */
	async delete(id: string): Promise<void> {
		this.record(id);
		const session = this.live.get(id);
		if (session) await session.stop();
		this.live.delete(id);
		this.options.authStore.forget(id);
		this.options.chatStore.wipe(id);
		this.options.repository.delete(id);
	}

	update(id: string, change: { name?: string; apiKey?: string }): SessionView {
		this.record(id);
		this.options.repository.update(id, {
			...(change.name !== undefined && { name: change.name }),
			...(change.apiKey !== undefined && { apiKeyHash: hashKey(change.apiKey) }),
		});
		return this.view(id);
	}

	/** Closes every socket (engine shutdown); the sessions' intent stays as it was for the next start. */
	async shutdown(): Promise<void> {
		await Promise.all([...this.live.values()].map((session) => session.stop()));
		this.live.clear();
	}

	private readonly lastState = new Map<string, string>();

	/** Turns state changes into session.connected / session.disconnected / session.loggedOut events. */
	private onStatus(id: string, status: SessionStatus): void {
		const previous = this.lastState.get(id);
		this.lastState.set(id, status.state);
		if (previous === status.state) return;
		if (status.state === 'connected') this.sessionEvent(id, 'session.connected', { me: status.me });
		else if (status.state === 'logged_out') this.sessionEvent(id, 'session.loggedOut', { problem: status.problem });
		else if (previous === 'connected') this.sessionEvent(id, 'session.disconnected', { state: status.state, problem: status.problem });
	}

	private sessionEvent(id: string, type: string, data: Record<string, unknown>): void {
		this.options.events.append({ id: `evt_${randomUUID()}`, type, session: id, timestamp: Date.now(), data });
	}

	private setAutoStart(id: string, autoStart: boolean): void {
		const record = this.record(id);
		if (record.config.autoStart !== autoStart) {
			this.options.repository.update(id, { config: { ...record.config, autoStart } });
		}
	}

	private toView(record: SessionRecord): SessionView {
		return {
			id: record.id,
			name: record.name,
			createdAt: new Date(record.createdAt).toISOString(),
			paired: this.options.authStore.readCreds<{ me?: unknown }>(record.id)?.me !== undefined,
			hasApiKey: record.apiKeyHash !== null,
			status: this.live.get(record.id)?.status ?? { state: 'stopped' },
		};
	}
}

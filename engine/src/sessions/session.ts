import makeWASocket, {
	ALL_WA_PATCH_NAMES,
	Browsers,
	proto,
	type ConnectionState,
	type Contact,
	type UserFacingSocketConfig,
	type WASocket,
} from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';
import type { AuthStore } from '../store/auth-store.js';
import type { NewEvent } from '../events/types.js';
import { useSqliteAuthState } from './baileys-auth-state.js';
import { forwardSocketEvents } from './baileys-events.js';
import { ContactActions } from './contact-actions.js';
import { GroupActions } from './group-actions.js';
import { MessageActions, type SendOptions } from './message-actions.js';
import { ProfileActions } from './profile-actions.js';
import { PrivacyActions } from './privacy-actions.js';
import { LabelActions } from './label-actions.js';
import { StatusActions } from './status-actions.js';
import type { OutgoingMessage } from './outgoing.js';
import { RecentMessages } from './recent-messages.js';
import { createProxy, type SessionProxy } from './proxy.js';
import { defaultSettings, type SessionSettings } from '../store/settings-repo.js';
import { ChatActions } from './chat-actions.js';
import { feedStore, SessionStore } from './store-feed.js';
import type { ChatStore } from '../store/chat-store.js';
import { conflict, HttpError } from '../lib/errors.js';
import { nextStep, type BackoffSettings, type CloseEvent } from './reconnect-policy.js';
import type { PendingQr, SessionProblem, SessionState, SessionStatus } from './session-status.js';

export interface RefreshSteps {
	syncAppState: boolean;
	refreshPreKeys: boolean;
	refreshPrivacy: boolean;
	autoRecovery: boolean;
}

/** Extra Baileys socket options, for the parts of the engine that must not know Baileys' types. */
export type SocketOptions = Partial<UserFacingSocketConfig>;

/** `ok`, `skipped`, or `failed: <reason>`. */
export type StepOutcome = string;

export interface RefreshResult {
	reconnect: 'ok';
	appState: StepOutcome;
	preKeys: StepOutcome;
	privacy: StepOutcome;
	recovery: StepOutcome;
}

export interface SessionOptions {
	id: string;
	authStore: AuthStore;
	/** Messages, chats, contacts, LID mappings and group metadata of the session's account. */
	chatStore: ChatStore;
	logger: Logger;
	backoff: BackoffSettings;
	/** Extra Baileys socket options (the WhatsApp URL, the sandbox's trust settings, timeouts). */
	socketConfig: SocketOptions;
	/** Told about every status change and QR, so the manager can persist intent and print QR codes. */
	onStatus?: (status: SessionStatus) => void;
	onQr?: (qr: PendingQr) => void;
	/** Receives every WhatsApp event of this session, already mapped to the public event schema. */
	onEvent?: (event: NewEvent) => void;
}

/** How long WhatsApp keeps showing one QR reference: 60 s for the first, 20 s for the next ones. */
const FIRST_QR_TTL_MS = 60_000;
const NEXT_QR_TTL_MS = 20_000;

/**
 * One WhatsApp account linked as a companion device: owns its Baileys socket and reconnect timer, and is the
 * only thing that creates or ends them. Every socket gets a generation number; events of a socket that has
 * been replaced are ignored, so a late close can never tear down its successor.
 */
export class Session {
	readonly id: string;
	private socket: WASocket | undefined;
	private detachEvents: (() => void) | undefined;
	private detachStore: (() => void) | undefined;
	private generation = 0;
	private retryTimer: NodeJS.Timeout | undefined;
	private failures = 0;
	private qrCount = 0;
	private pendingQr: PendingQr | undefined;
	private current: SessionStatus = { state: 'stopped' };
	private readonly waiters = new Set<() => void>();
	/** The user's settings for this session (settings resource); the proxy is the one the current socket uses. */
	private settings: SessionSettings = defaultSettings;
	private proxy: SessionProxy | undefined;
	/** Recent sent and received messages (quotes, reactions, edits, downloads need the original). */
	private readonly recent: RecentMessages;
	/** The session's part of the store, fed by every socket the session opens. */
	readonly store: SessionStore;
	readonly chats: ChatActions;
	/** Sends, message actions, receipts, presence and media downloads. */
	readonly messages: MessageActions;
	readonly groups: GroupActions;
	readonly contacts: ContactActions;
	readonly profile: ProfileActions;
	readonly privacy: PrivacyActions;
	readonly labels: LabelActions;
	readonly statuses: StatusActions;

	constructor(private readonly options: SessionOptions) {
		this.id = options.id;
		this.store = new SessionStore(options.id, options.chatStore);
		this.recent = new RecentMessages((id, chat) => this.store.findMessage(id, chat));
		this.chats = new ChatActions(() => this.connected(), this.store);
		this.messages = new MessageActions(options.id, () => this.connected(), this.recent, options.logger, options.onEvent);
		this.groups = new GroupActions(options.id, () => this.connected(), options.logger);
		this.contacts = new ContactActions(options.id, () => this.connected(), options.logger);
		this.profile = new ProfileActions(options.id, () => this.connected(), options.logger);
		this.privacy = new PrivacyActions(options.id, () => this.connected(), options.logger);
		this.labels = new LabelActions(options.id, () => this.connected(), options.logger);
		this.statuses = new StatusActions(options.id, () => this.connected(), options.logger);
	}

	get status(): SessionStatus {
		return this.current;
	}

	get qr(): PendingQr | undefined {
		return this.pendingQr && this.pendingQr.expiresAt > Date.now() ? this.pendingQr : undefined;
	}

	/** Whether credentials of a linked device exist (a connect will not need a QR). */
	get isPaired(): boolean {
		return this.options.authStore.readCreds<{ me?: unknown }>(this.id)?.me !== undefined;
	}

	/** Opens the connection unless one is open or opening. */
	start(): void {
		if (this.socket || this.retryTimer) return;
		this.failures = 0;
		this.open();
	}

	/** Closes the connection and keeps the credentials. */
	async stop(problem?: SessionProblem): Promise<void> {
		this.clearRetry();
		await this.closeSocket();
		this.setStatus({ state: 'stopped', problem, me: this.current.me });
	}

	/** Closes and reopens with the stored credentials. */
	async restart(): Promise<void> {
		this.clearRetry();
		await this.closeSocket();
		this.failures = 0;
		this.open();
	}

	/**
	 * Unlinks the device from the phone when connected, then wipes credentials and keys either way: a user
	 * who asks to log out must not be left with a half-linked session.
	 */
	async logout(): Promise<void> {
		this.clearRetry();
		const socket = this.socket;
		if (socket && this.current.state === 'connected') {
			try {
				await socket.logout();
			} catch (error) {
				this.options.logger.warn({ sessionId: this.id, err: error }, 'logout request to WhatsApp failed; wiping local credentials anyway');
			}
		}
		await this.closeSocket();
		this.options.authStore.wipe(this.id);
		this.setStatus({ state: 'logged_out', problem: { code: 'logged_out', message: 'Logged out on request; pair again to use this session.' } });
	}

	/** Asks WhatsApp for an 8-character code to type on the phone (Linked devices → Link with phone number). */
	async requestPairingCode(phone: string): Promise<string> {
		if (!this.socket || this.current.state === 'reconnecting') {
			this.clearRetry();
			this.failures = 0;
			if (!this.socket) this.open();
		}
		await this.until(() => this.current.state === 'awaiting_qr' || this.current.state === 'connected', 30_000);
		if (this.current.state === 'connected') {
			throw Object.assign(new Error('The session is already linked to a phone.'), { code: 'already_paired' });
		}
		const code = await this.socket!.requestPairingCode(phone);
		this.pendingQr = undefined;
		this.setStatus({ ...this.current, state: 'awaiting_pairing_code' });
		return code;
	}

	/** Sends a message; resolves once WhatsApp's server has it queued (not when the recipient has it). */
	async send(to: string, message: OutgoingMessage, options: SendOptions = {}): Promise<{ id: string; timestamp: number }> {
		const sent = await this.messages.send(to, message, { ...options, echo: options.echo ?? this.settings.apiEcho });
		if (this.settings.autoPresenceUnavailable) this.goUnavailable();
		return sent;
	}

	/** Takes new settings; a changed proxy applies from the next connect. */
	configure(settings: SessionSettings): void {
		this.settings = settings;
	}

	/**
	 * A full refresh: reconnect with the stored credentials, then each requested repair step. Every step reports
	 * its own outcome, so one WhatsApp refusal does not hide what the others did.
	 */
	async refresh(steps: RefreshSteps, timeoutMs = 30_000): Promise<RefreshResult> {
		await this.restart();
		await this.until(() => this.current.state === 'connected', timeoutMs).catch(() => {
			throw new HttpError(504, 'reconnect_timeout', `Session "${this.id}" did not reconnect within ${timeoutMs / 1000} s (now ${this.current.state}).`);
		});
		const socket = this.connected();
		const run = async (wanted: boolean, step: () => Promise<unknown>): Promise<StepOutcome> => {
			if (!wanted) return 'skipped';
			try {
				await step();
				return 'ok';
			} catch (error) {
				return `failed: ${(error as Error).message}`;
			}
		};
		return {
			reconnect: 'ok' as const,
			appState: await run(steps.syncAppState, () => socket.resyncAppState(ALL_WA_PATCH_NAMES, false)),
			preKeys: await run(steps.refreshPreKeys, () => socket.uploadPreKeysToServerIfRequired()),
			privacy: await run(steps.refreshPrivacy, () => socket.fetchPrivacySettings(true)),
			// Asks the phone to resend app-state snapshots; WhatsApp has no other way to repair a broken collection.
			recovery: await run(steps.autoRecovery, () =>
				Promise.all(
					ALL_WA_PATCH_NAMES.map((collectionName) =>
						socket.sendPeerDataOperationMessage({
							peerDataOperationRequestType: proto.Message.PeerDataOperationRequestType.COMPANION_SYNCD_SNAPSHOT_FATAL_RECOVERY,
							syncdCollectionFatalRecoveryRequest: { collectionName, timestamp: Date.now() },
						}),
					),
				),
			),
		};
	}

	/** Call auto-reject: declines a ringing call and, when a message is set, tells the caller. */
	private async autoReject(callId: string, caller: string): Promise<void> {
		const { enabled, message } = this.settings.callAutoReject;
		if (!enabled) return;
		try {
			await this.messages.rejectCall(callId, caller);
			if (message) await this.send(caller, { kind: 'text', text: message });
		} catch (error) {
			this.options.logger.warn({ sessionId: this.id, err: error }, 'could not reject an incoming call');
		}
	}

	/** Auto presence: `unavailable` keeps the phone getting push notifications while the engine is connected. */
	private goUnavailable(): void {
		this.messages.goUnavailable().catch((error: unknown) => this.options.logger.warn({ sessionId: this.id, err: error }, 'could not set the presence to unavailable'));
	}

	/** The socket, when the session can talk to WhatsApp right now; a 409 otherwise. */
	private connected(): WASocket {
		if (this.current.state !== 'connected' || !this.socket) {
			throw conflict('session_not_connected', `Session "${this.id}" is ${this.current.state}, not connected.`);
		}
		return this.socket;
	}

	/** Resolves when `predicate` holds after a status change, rejects after `timeoutMs`. */
	until(predicate: () => boolean, timeoutMs: number): Promise<void> {
		if (predicate()) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const check = () => {
				if (!predicate()) return;
				cleanup();
				resolve();
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error(`Session ${this.id} did not reach the expected state within ${timeoutMs} ms (now ${this.current.state}).`));
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				this.waiters.delete(check);
			};
			this.waiters.add(check);
		});
	}

	private open(): void {
		const generation = ++this.generation;
		const { state, saveCreds } = useSqliteAuthState(this.options.authStore, this.id);
		const pairing = !state.creds.me;
		this.qrCount = 0;
		this.setStatus({ state: 'connecting', me: accountOf(state.creds.me) ?? this.current.me, lastConnectedAt: this.current.lastConnectedAt });
		const proxyUrl = this.settings.proxy.enabled ? this.settings.proxy.url : undefined;
		// Tunnelled media connections keep trusting what the configured media agent trusts (the sandbox's own CA).
		const proxy = proxyUrl ? createProxy(proxyUrl, (this.options.socketConfig.fetchAgent as { options?: { ca?: string } } | undefined)?.options?.ca) : undefined;
		this.proxy = proxy;
		this.messages.downloadDispatcher = proxy?.dispatcher;
		const socket = makeWASocket({
			auth: state,
			logger: baileysLogger(this.options.logger, this.id),
			browser: Browsers.ubuntu('Chrome'),
			markOnlineOnConnect: false,
			// Retry requests from recipients need the original message.
			getMessage: async (key) => this.recent.find(key.id ?? '')?.message ?? undefined,
			// Sends to a group need its members: asked of WhatsApp once, then kept in the store until the group changes.
			cachedGroupMetadata: async (jid) => {
				const cached = this.store.groupMetadata(jid);
				if (cached) return cached;
				const fresh = await socket.groupMetadata(jid);
				this.store.saveGroup(fresh);
				return fresh;
			},
			...this.options.socketConfig,
			...(proxy && { agent: proxy.agent as SocketOptions['agent'], fetchAgent: proxy.agent as SocketOptions['agent'] }),
		});
		this.socket = socket;
		socket.ev.on('messages.upsert', ({ messages }) => {
			if (generation === this.generation) for (const message of messages) this.recent.remember(message);
		});
		socket.ev.on('creds.update', () => {
			if (generation === this.generation) saveCreds();
		});
		socket.ev.on('connection.update', (update) => {
			if (generation === this.generation) this.onConnectionUpdate(update, pairing);
		});
		this.detachStore = feedStore(socket, this.store, this.options.logger);
		const onEvent = this.options.onEvent;
		if (onEvent) this.detachEvents = forwardSocketEvents(socket, this.id, onEvent, (id) => this.recent.find(id));
		// An offer delivered while the session was offline has stopped ringing; only live ones are declined.
		socket.ev.on('call', (calls) => {
			if (generation === this.generation) for (const call of calls) if (call.status === 'offer' && !call.offline) void this.autoReject(call.id, call.from);
		});
	}

	private onConnectionUpdate(update: Partial<ConnectionState>, pairing: boolean): void {
		if (update.qr) {
			const ttl = this.qrCount++ === 0 ? FIRST_QR_TTL_MS : NEXT_QR_TTL_MS;
			this.pendingQr = { value: update.qr, expiresAt: Date.now() + ttl };
			if (this.current.state !== 'awaiting_pairing_code') this.setStatus({ state: 'awaiting_qr' });
			this.options.onQr?.(this.pendingQr);
		}
		if (update.connection === 'open') {
			this.failures = 0;
			this.pendingQr = undefined;
			this.setStatus({ state: 'connected', me: accountOf(this.socket?.user), lastConnectedAt: Date.now() });
			if (this.settings.autoPresenceUnavailable) this.goUnavailable();
		}
		if (update.connection === 'close') {
			const error = update.lastDisconnect?.error as { output?: { statusCode?: number }; message?: string } | undefined;
			this.onClose({ code: error?.output?.statusCode, message: error?.message, pairing });
		}
	}

	private onClose(close: CloseEvent): void {
		this.detachSocket();
		const step = nextStep(close, this.failures, this.options.backoff);
		const log = this.options.logger;
		if (step.action === 'restart') {
			log.info({ sessionId: this.id, closeCode: close.code }, 'WhatsApp asked for a restart; reconnecting now');
			this.open();
			return;
		}
		if (step.action === 'stop') {
			log.warn({ sessionId: this.id, closeCode: close.code, reason: step.reason }, 'session stopped');
			if (step.wipeCredentials) this.options.authStore.wipe(this.id);
			this.setStatus({
				state: step.reason === 'logged_out' || step.wipeCredentials ? 'logged_out' : step.reason === 'qr_timeout' ? 'stopped' : 'failed',
				problem: { code: step.reason, message: step.message, closeCode: close.code },
				me: step.wipeCredentials ? undefined : this.current.me,
			});
			return;
		}
		this.failures = step.attempt;
		const nextAttemptAt = Date.now() + step.delayMs;
		log.warn({ sessionId: this.id, closeCode: close.code, attempt: step.attempt, delayMs: step.delayMs, err: close.message }, 'connection lost; retrying');
		this.setStatus({
			state: 'reconnecting',
			problem: { code: 'connection_error', message: close.message ?? 'Connection closed', closeCode: close.code },
			retry: { attempt: step.attempt, nextAttemptAt },
			me: this.current.me,
			lastConnectedAt: this.current.lastConnectedAt,
		});
		this.retryTimer = setTimeout(() => {
			this.retryTimer = undefined;
			this.open();
		}, step.delayMs);
	}

	/** Forgets the current socket without waiting for it: its late events are ignored by generation. */
	private detachSocket(): WASocket | undefined {
		const socket = this.socket;
		this.socket = undefined;
		this.generation++;
		this.pendingQr = undefined;
		this.detachEvents?.();
		this.detachEvents = undefined;
		this.detachStore?.();
		this.detachStore = undefined;
		void this.proxy?.close();
		this.proxy = undefined;
		if (socket) {
			socket.ev.removeAllListeners('connection.update');
			socket.ev.removeAllListeners('creds.update');
		}
		return socket;
	}

	private async closeSocket(): Promise<void> {
		const socket = this.detachSocket();
		if (!socket) return;
		try {
			await socket.end(undefined);
		} catch (error) {
			this.options.logger.debug({ sessionId: this.id, err: error }, 'socket end failed');
		}
	}

	private clearRetry(): void {
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = undefined;
	}

	private setStatus(status: SessionStatus): void {
		this.current = status;
		this.options.onStatus?.(status);
		for (const waiter of [...this.waiters]) waiter();
	}
}

/** The linked account as the status shows it, from Baileys' `creds.me` / `socket.user`. */
function accountOf(user: Contact | undefined): SessionStatus['me'] {
	if (!user?.id) return undefined;
	return { jid: user.id, phone: user.id.split(/[:@]/)[0], ...(user.lid && { lid: user.lid }), ...((user.name ?? user.notify) && { name: user.name ?? user.notify }) };
}

/** Baileys is chatty at info level; it gets warn, or the engine's own level when that is quieter. */
function baileysLogger(logger: Logger, sessionId: string): Logger {
	const quieter = logger.levelVal > logger.levels.values.warn;
	return logger.child({ sessionId, module: 'baileys' }, { level: quieter ? logger.level : 'warn' });
}

export type { SessionState };

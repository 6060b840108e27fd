import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import QRCode from 'qrcode';
import express from 'express';
import { createApp } from './api/app.js';
import { EventLog } from './events/event-log.js';
import { applySessionSettings } from './events/filters.js';
import { createEventStreams } from './events/stream.js';
import { WebhookService } from './events/webhooks.js';
import type { EngineConfig } from './config.js';
import { hashKey } from './lib/keys.js';
import { createLogger, type Logger } from './lib/logger.js';
import { operations } from './operations/index.js';
import { sandboxOperations } from './operations/sandbox/index.js';
import { WhatsAppSandbox } from './sandbox/index.js';
import { SessionManager } from './sessions/session-manager.js';
import type { SocketOptions } from './sessions/session.js';
import { AuthStore } from './store/auth-store.js';
import { EventRepository } from './store/event-repo.js';
import { openDatabase, type Db } from './store/db.js';
import { EventRetention } from './store/event-retention.js';
import { ChatStore } from './store/chat-store.js';
import { MetaRepository } from './store/meta-repo.js';
import { WebhookRepository } from './store/webhook-repo.js';
import { SessionRepository } from './store/session-repo.js';
import { SessionSettingsRepository } from './store/settings-repo.js';

export const ENGINE_VERSION = '0.1.0';
const ADMIN_KEY_HASH = 'admin_api_key_sha256';

export interface RunningEngine {
	url: string;
	server: Server;
	db: Db;
	sessions: SessionManager;
	events: EventLog;
	webhooks: WebhookService;
	sandbox?: WhatsAppSandbox;
	logger: Logger;
	/** Set only when this start generated the admin key (first start without one given). */
	generatedAdminKey?: string;
	stop(): Promise<void>;
}

export interface StartOptions {
	/** Extra Baileys socket options for every session (the sandbox passes its URL and trust here). */
	socketConfig?: SocketOptions;
	/** Where QR codes are printed when `printQr` is on. */
	print?: (text: string) => void;
}

/**
 * Opens the database, resolves the admin key, restores sessions and starts the REST bridge.
 * `stop()` closes sockets, the HTTP server and the database, in that order.
 */
export async function startEngine(config: EngineConfig, options: StartOptions = {}): Promise<RunningEngine> {
	const logger = createLogger(config.logLevel);
	const db = openDatabase(join(config.dataDir, 'engine.sqlite'));
	const meta = new MetaRepository(db);
	const { adminKeyHash, generatedAdminKey } = resolveAdminKey(config, meta);
	const sessionRepository = new SessionRepository(db);
	const settings = new SessionSettingsRepository(db);
	const events = new EventLog(new EventRepository(db), (event) => applySessionSettings(settings.get(event.session), event));
	const sandbox = config.sandbox ? await WhatsAppSandbox.start({ host: '127.0.0.1', logger: logger.child({ module: 'sandbox' }), stateFile: join(config.dataDir, 'sandbox-state.json') }) : undefined;
	sandbox?.installTrust();
	const print = options.print ?? ((text: string) => process.stdout.write(text));
	const chatStore = new ChatStore(db);
	const sessions = new SessionManager({
		repository: sessionRepository,
		authStore: new AuthStore(db),
		chatStore,
		logger,
		backoff: { baseMs: config.reconnectBaseMs, maxMs: config.reconnectMaxMs },
		socketConfig: { waWebSocketUrl: config.waWebSocketUrl, ...sandbox?.socketConfig(), ...options.socketConfig },
		events,
		onQr: config.printQr
			? (sessionId, qr) => {
					void QRCode.toString(qr.value, { type: 'terminal', small: true }).then((art) =>
						print(`\nScan with WhatsApp (Linked devices) to link session "${sessionId}":\n${art}\n`),
					);
				}
			: undefined,
	});
	const resolveMe = (session: string) => {
		try {
			return sessions.view(session).status.me;
		} catch {
			return undefined;
		}
	};
	const retention = new EventRetention(db);
	const webhooks = new WebhookService({
		repository: new WebhookRepository(db),
		retention,
		events,
		logger,
		settings: {
			maxAttempts: config.webhookMaxAttempts,
			retryBaseMs: config.webhookRetryBaseMs,
			retryMaxMs: config.webhookRetryMaxMs,
			timeoutMs: config.webhookTimeoutMs,
			retentionDays: config.eventRetentionDays,
		},
		resolveMe,
		skipsGlobal: (session) => settings.get(session).skipGlobalWebhook,
		assertSession: (session) => void sessions.record(session),
	});
	const services = { config, logger, sessions, events, sandbox, webhooks, settings };
	const app = createApp({
		services,
		operations: sandbox ? [...operations, ...sandboxOperations] : operations,
		sessionRepository,
		adminKeyHash,
		version: ENGINE_VERSION,
	});
	// The event stream holds its response open, so it is served beside the operation routes, not through them.
	const streams = createEventStreams({ events, logger, sessionRepository, adminKeyHash, resolveMe, head: () => retention.head(), keepAliveMs: config.streamKeepAliveMs });
	const root = express();
	root.disable('x-powered-by');
	root.get('/api/sessions/:session/events/stream', streams.handler);
	root.use(app);
	const server = createServer(root);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
	webhooks.start();
	const stopMessagePruning = pruneMessages(chatStore, config.messageRetentionDays, logger);
	for (const configured of settings.list()) sessions.session(configured.session).configure(configured.settings);
	sessions.restore();
	logger.info({ url, dataDir: config.dataDir }, 'engine started');

	let stopping: Promise<void> | undefined;
	const stop = () =>
		(stopping ??= (async () => {
			stopMessagePruning();
			await sessions.shutdown();
			await sandbox?.stop();
			streams.close();
			await webhooks.stop();
			events.close();
			server.closeIdleConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			db.close();
			logger.info('engine stopped');
		})());
	return { url, server, db, sessions, events, webhooks, sandbox, logger, generatedAdminKey, stop };
}

/** A given key wins (and is remembered); otherwise the stored one; otherwise a new one is made and stored. */
function resolveAdminKey(config: EngineConfig, meta: MetaRepository): { adminKeyHash: string; generatedAdminKey?: string } {
	if (config.apiKey) {
		const adminKeyHash = hashKey(config.apiKey);
		meta.set(ADMIN_KEY_HASH, adminKeyHash);
		return { adminKeyHash };
	}
	const stored = meta.get(ADMIN_KEY_HASH);
	if (stored) return { adminKeyHash: stored };
	const generatedAdminKey = randomBytes(24).toString('base64url');
	const adminKeyHash = hashKey(generatedAdminKey);
	meta.set(ADMIN_KEY_HASH, adminKeyHash);
	return { adminKeyHash, generatedAdminKey };
}

/** Deletes stored messages past the retention now and every hour; returns the function that stops it. */
function pruneMessages(store: ChatStore, retentionDays: number, logger: Logger): () => void {
	if (retentionDays === 0) return () => {};
	const prune = () => {
		const deleted = store.prune(Date.now() - retentionDays * 86_400_000);
		if (deleted > 0) logger.info({ deleted, retentionDays }, 'pruned stored messages past the retention');
	};
	prune();
	const timer = setInterval(prune, 3_600_000);
	timer.unref();
	return () => clearInterval(timer);
}

import { randomBytes } from 'node:crypto';
import type { Caller } from '../operations/registry.js';
import { HttpError, notFound } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { EventRetention } from '../store/event-retention.js';
import type { DeadLetter, WebhookChange, WebhookRecord, WebhookRepository } from '../store/webhook-repo.js';
import type { EventLog } from './event-log.js';
import type { EventFilters, Me } from './filters.js';
import { WebhookDispatcher, type DispatcherSettings } from './webhook-dispatcher.js';

export interface WebhookInput {
	url: string;
	session?: string;
	events?: string[];
	filters?: EventFilters;
	headers?: Record<string, string>;
	secret?: string;
	active?: boolean;
}

export interface WebhookServiceOptions {
	repository: WebhookRepository;
	retention: EventRetention;
	events: EventLog;
	logger: Logger;
	settings: DispatcherSettings & { retentionDays: number };
	resolveMe: (session: string) => Me;
	/** Whether a session opted out of subscriptions without a session (its skipGlobalWebhook setting). */
	skipsGlobal?: (session: string) => boolean;
	/** Throws 404 when the session does not exist. */
	assertSession: (session: string) => void;
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
const newId = () => `wh_${randomBytes(9).toString('base64url')}`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Webhook subscriptions as the operations see them: access rules (a session's key manages its session's
 * subscriptions, the admin key all), idempotent creation by URL + session, and the dispatcher behind them.
 * Also runs the event log's retention.
 */
export class WebhookService {
	readonly dispatcher: WebhookDispatcher;
	private retentionTimer?: NodeJS.Timeout;

	constructor(private readonly options: WebhookServiceOptions) {
		this.dispatcher = new WebhookDispatcher({
			repository: options.repository,
			events: options.events,
			settings: options.settings,
			logger: options.logger.child({ module: 'webhooks' }),
			resolveMe: options.resolveMe,
			skipsGlobal: options.skipsGlobal,
		});
	}

	start(): void {
		this.dispatcher.start();
		this.pruneEvents();
		this.retentionTimer = setInterval(() => this.pruneEvents(), HOUR);
		this.retentionTimer.unref();
	}

	async stop(): Promise<void> {
		clearInterval(this.retentionTimer);
		await this.dispatcher.stop();
	}

	/** Deletes events older than the retention, but never one an active subscription has still to deliver. */
	pruneEvents(now = Date.now()): number {
		const { retentionDays } = this.options.settings;
		if (retentionDays <= 0) return 0;
		const keepAfter = this.options.repository.minActiveCursor() ?? Number.MAX_SAFE_INTEGER;
		const removed = this.options.retention.prune(now - retentionDays * DAY, keepAfter);
		if (removed > 0) this.options.logger.info({ removed, retentionDays }, 'pruned old events');
		return removed;
	}

	/**
	 * Creates a subscription, or, when one for the same URL and session exists, updates it with what was given and
	 * returns it (its secret stays unless a new one is given): an n8n trigger may call this on every activation.
	 */
	async create(caller: Caller, input: WebhookInput): Promise<{ webhook: WebhookRecord; created: boolean }> {
		const session = this.sessionFor(caller, input.session);
		if (session !== null) this.options.assertSession(session);
		const existing = this.options.repository.findByUrl(input.url, session);
		if (existing) {
			const webhook = await this.update(caller, existing.id, { events: input.events, filters: input.filters, headers: input.headers, secret: input.secret, active: input.active });
			return { webhook, created: false };
		}
		const webhook = this.options.repository.insert({
			id: newId(),
			session,
			url: input.url,
			events: input.events ?? ['*'],
			filters: input.filters ?? {},
			headers: input.headers ?? {},
			secret: input.secret ?? newSecret(),
			active: input.active ?? true,
			// A new subscription receives what happens from now on; redeliver reaches back into the log.
			cursor: this.options.retention.head(),
		});
		await this.dispatcher.refresh(webhook.id);
		return { webhook, created: true };
	}

	list(caller: Caller, session?: string): WebhookRecord[] {
		if (caller.role === 'session') {
			if (session !== undefined && session !== caller.sessionId) throw forbidden();
			return this.options.repository.list(caller.sessionId);
		}
		return this.options.repository.list(session);
	}

	get(caller: Caller, id: string): WebhookRecord {
		const webhook = this.options.repository.get(id);
		if (!webhook || (caller.role === 'session' && webhook.session !== caller.sessionId)) {
			throw notFound('webhook_not_found', `No webhook subscription with id "${id}".`);
		}
		return webhook;
	}

	async update(caller: Caller, id: string, change: WebhookChange): Promise<WebhookRecord> {
		this.get(caller, id);
		const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as WebhookChange;
		if (defined.url !== undefined) {
			const clash = this.options.repository.findByUrl(defined.url, this.get(caller, id).session);
			if (clash && clash.id !== id) throw new HttpError(409, 'webhook_exists', `Subscription ${clash.id} already delivers to this URL.`);
		}
		return await this.dispatcher.whileHalted(id, () => this.options.repository.update(id, defined)!);
	}

	async delete(caller: Caller, id: string): Promise<WebhookRecord> {
		const webhook = this.get(caller, id);
		await this.dispatcher.whileHalted(id, () => this.options.repository.delete(id));
		return webhook;
	}

	async deleteAll(caller: Caller, session?: string): Promise<number> {
		const webhooks = this.list(caller, session);
		for (const webhook of webhooks) await this.delete(caller, webhook.id);
		return webhooks.length;
	}

	stats(caller: Caller, id: string) {
		const webhook = this.get(caller, id);
		const head = this.options.retention.head();
		const letters = this.options.repository.deadLetterCounts(id);
		return {
			id,
			active: webhook.active,
			running: this.dispatcher.isRunning(id),
			cursor: webhook.cursor,
			head,
			behind: Math.max(0, head - webhook.cursor),
			delivered: webhook.delivered,
			failedAttempts: webhook.failedAttempts,
			deadLettered: webhook.deadLettered,
			deadLetters: letters.dead,
			queuedReplays: letters.replay,
			replayed: webhook.replayed,
			lastSuccessAt: webhook.lastSuccessAt ?? undefined,
			lastFailureAt: webhook.lastFailureAt ?? undefined,
			lastError: webhook.lastError ?? undefined,
		};
	}

	deadLetters(caller: Caller, id: string, options: { state?: 'dead' | 'replay'; after?: number; limit: number }): DeadLetter[] {
		this.get(caller, id);
		return this.options.repository.listDeadLetters(id, options);
	}

	/** Queues dead letters (all, or the given ids) for another round of delivery attempts. */
	replay(caller: Caller, id: string, ids?: number[]): number {
		this.get(caller, id);
		const queued = this.options.repository.queueReplay(id, ids);
		this.dispatcher.poke(id);
		return queued;
	}

	/** Moves the cursor so that every matching event with a seq of `fromSeq` or more is delivered (again). */
	async redeliver(caller: Caller, id: string, fromSeq: number): Promise<WebhookRecord> {
		this.get(caller, id);
		return await this.dispatcher.whileHalted(id, () => {
			this.options.repository.setCursor(id, Math.max(0, fromSeq - 1));
			return this.options.repository.get(id)!;
		});
	}

	/** A session key works only for its own session; the admin key may leave the session out (all sessions). */
	private sessionFor(caller: Caller, session: string | undefined): string | null {
		if (caller.role === 'admin') return session ?? null;
		if (session !== undefined && session !== caller.sessionId) throw forbidden();
		return caller.sessionId;
	}
}

const forbidden = () => new HttpError(403, 'forbidden', "A session's API key manages only that session's webhook subscriptions.");

import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Logger } from '../lib/logger.js';
import type { DeadLetter, WebhookRecord, WebhookRepository } from '../store/webhook-repo.js';
import type { EventLog } from './event-log.js';
import { compileFilter, type Me } from './filters.js';
import type { EngineEvent } from './types.js';

export interface DispatcherSettings {
	/** Attempts per event before it becomes a dead letter (the first try counts). */
	maxAttempts: number;
	/** Backoff before the second attempt; doubles per attempt up to `retryMaxMs`, with jitter. */
	retryBaseMs: number;
	retryMaxMs: number;
	/** A delivery that has not answered within this time failed. */
	timeoutMs: number;
}

export interface DispatcherOptions {
	repository: WebhookRepository;
	events: EventLog;
	settings: DispatcherSettings;
	logger: Logger;
	resolveMe: (session: string) => Me;
	/** Whether a session opted out of subscriptions without a session (its skipGlobalWebhook setting). */
	skipsGlobal?: (session: string) => boolean;
}

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: what `X-WA-Signature` carries. */
export function signPayload(secret: string, timestamp: string, body: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
	const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + (random() * step) / 2);
}

const PAGE = 500;
type Agents = { http: http.Agent; https: https.Agent };
type Outcome = { ok: true } | { ok: false; attempts: number; error: string } | 'stopped';

/**
 * Delivers the durable log to every active webhook subscription: one worker per subscription walks the log from
 * the subscription's persisted cursor, in order, one event at a time (at least once: the cursor moves only after
 * the receiver answered 2xx, or after the event was dead-lettered). Workers sleep until the log says something new
 * arrived; every timer and open request is ended by `stop()`.
 */
export class WebhookDispatcher {
	private readonly workers = new Map<string, Worker>();
	/** Keep-alive connections to receivers, closed by `stop()`. */
	private readonly agents: Agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };
	private unsubscribe?: () => void;
	private stopped = false;

	constructor(private readonly options: DispatcherOptions) {}

	start(): void {
		this.unsubscribe = this.options.events.subscribe((event) => {
			for (const worker of this.workers.values()) if (worker.wants(event)) worker.wake();
		});
		for (const record of this.options.repository.list()) if (record.active) this.spawn(record);
	}

	/** Picks up a subscription's new settings, cursor or queued replays: its worker is replaced. */
	async refresh(id: string): Promise<void> {
		const old = this.workers.get(id);
		if (old) {
			this.workers.delete(id);
			await old.stop();
		}
		if (this.stopped) return;
		const record = this.options.repository.get(id);
		if (record?.active) this.spawn(record);
	}

	/** Runs `change` while the subscription's worker is halted (so it cannot write a stale cursor), then restarts it. */
	async whileHalted<T>(id: string, change: () => T): Promise<T> {
		const old = this.workers.get(id);
		if (old) {
			this.workers.delete(id);
			await old.stop();
		}
		try {
			return change();
		} finally {
			await this.refresh(id);
		}
	}

	/** Wakes a worker without replacing it (replays were queued). */
	poke(id: string): void {
		this.workers.get(id)?.wake();
	}

	isRunning(id: string): boolean {
		return this.workers.has(id);
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.unsubscribe?.();
		const workers = [...this.workers.values()];
		this.workers.clear();
		await Promise.all(workers.map((worker) => worker.stop()));
		this.agents.http.destroy();
		this.agents.https.destroy();
	}

	private spawn(record: WebhookRecord): void {
		const worker = new Worker(record, this.options, this.agents);
		this.workers.set(record.id, worker);
		void worker.done.catch((error: unknown) => this.options.logger.error({ err: error, webhook: record.id }, 'webhook worker failed'));
	}
}

class Worker {
	readonly done: Promise<void>;
	private readonly matches: (event: EngineEvent) => boolean;
	private stopped = false;
	private pending = true;
	private wakeUp?: () => void;
	private timer?: NodeJS.Timeout;
	private cancelSleep?: () => void;
	private request?: http.ClientRequest;

	constructor(
		private readonly record: WebhookRecord,
		private readonly options: DispatcherOptions,
		private readonly agents: Agents,
	) {
		const matches = compileFilter(record.events, record.filters, options.resolveMe);
		const skipsGlobal = options.skipsGlobal;
		this.matches = record.session === null && skipsGlobal ? (event) => matches(event) && !skipsGlobal(event.session) : matches;
		this.done = this.run();
	}

	/** Cheap pre-check on the live event, so unrelated sessions do not wake this worker. */
	wants(event: EngineEvent): boolean {
		return this.record.session === null || this.record.session === event.session;
	}

	wake(): void {
		this.pending = true;
		const wakeUp = this.wakeUp;
		this.wakeUp = undefined;
		wakeUp?.();
	}

	async stop(): Promise<void> {
		this.stopped = true;
		this.wake();
		this.cancelSleep?.();
		this.request?.destroy(new Error('engine stopping'));
		await this.done;
	}

	private async run(): Promise<void> {
		const { repository, events } = this.options;
		const id = this.record.id;
		let cursor = this.record.cursor;
		while (!this.stopped) {
			const letter = repository.nextReplay(id);
			if (letter) {
				await this.replay(letter);
				continue;
			}
			this.pending = false;
			const batch = events.list({ after: cursor, limit: PAGE, session: this.record.session ?? undefined });
			if (batch.length === 0) {
				await this.idle();
				continue;
			}
			let skippedTo = cursor;
			for (const event of batch) {
				if (this.stopped) break;
				if (!this.matches(event)) {
					cursor = skippedTo = event.seq;
					continue;
				}
				const body = JSON.stringify(event);
				const outcome = await this.deliver(event.id, event.type, body);
				if (outcome === 'stopped') break;
				if (outcome.ok) repository.advance(id, event.seq, 1);
				else {
					repository.addDeadLetter({ webhookId: id, eventSeq: event.seq, eventId: event.id, eventType: event.type, body, attempts: outcome.attempts, lastError: outcome.error });
					this.options.logger.warn({ webhook: id, event: event.id, error: outcome.error }, 'webhook delivery dead-lettered');
				}
				cursor = event.seq;
				// A replay request jumps the queue between two events.
				if (this.pending && repository.nextReplay(id)) break;
			}
			if (skippedTo > this.record.cursor) repository.advance(id, skippedTo, 0);
		}
	}

	private async replay(letter: DeadLetter): Promise<void> {
		const outcome = await this.deliver(letter.eventId, letter.eventType, letter.body);
		if (outcome === 'stopped') return;
		if (outcome.ok) this.options.repository.replaySucceeded(letter);
		else this.options.repository.replayFailed(letter, outcome.attempts, outcome.error);
	}

	private idle(): Promise<void> {
		if (this.pending || this.stopped) return Promise.resolve();
		return new Promise((resolve) => (this.wakeUp = resolve));
	}

	/** Up to `maxAttempts` signed POSTs of one event, with backoff between them. */
	private async deliver(eventId: string, eventType: string, body: string): Promise<Outcome> {
		const { maxAttempts, retryBaseMs, retryMaxMs } = this.options.settings;
		let error = '';
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			if (this.stopped) return 'stopped';
			const result = await this.post(eventId, eventType, body, attempt);
			if (this.stopped && !result.ok) return 'stopped';
			if (result.ok) return { ok: true };
			error = result.error;
			this.options.repository.recordFailure(this.record.id, error);
			if (attempt < maxAttempts && !(await this.sleep(backoffDelay(attempt, retryBaseMs, retryMaxMs)))) return 'stopped';
		}
		return { ok: false, attempts: maxAttempts, error };
	}

	/** Resolves true after `ms`, or false at once when the worker is stopped. */
	private sleep(ms: number): Promise<boolean> {
		return new Promise((resolve) => {
			this.timer = setTimeout(() => {
				this.cancelSleep = undefined;
				resolve(true);
			}, ms);
			this.cancelSleep = () => {
				clearTimeout(this.timer);
				this.cancelSleep = undefined;
				resolve(false);
			};
		});
	}

	private post(eventId: string, eventType: string, body: string, attempt: number): Promise<{ ok: true } | { ok: false; error: string }> {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const url = new URL(this.record.url);
		const client = url.protocol === 'https:' ? https : http;
		const headers: Record<string, string | number> = {
			...this.record.headers,
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body),
			'user-agent': 'whatsapp-engine-webhooks/1',
			'x-wa-event-id': eventId,
			'x-wa-event-type': eventType,
			'x-wa-webhook-id': this.record.id,
			'x-wa-delivery-attempt': attempt,
			'x-wa-timestamp': timestamp,
			'x-wa-signature': signPayload(this.record.secret, timestamp, body),
		};
		return new Promise((resolve) => {
			let settled = false;
			const finish = (result: { ok: true } | { ok: false; error: string }) => {
				if (settled) return;
				settled = true;
				this.request = undefined;
				resolve(result);
			};
			const request = client.request(
				url,
				{ method: 'POST', headers, agent: url.protocol === 'https:' ? this.agents.https : this.agents.http, timeout: this.options.settings.timeoutMs },
				(response) => {
					response.resume();
					response.on('end', () => {
						const status = response.statusCode ?? 0;
						finish(status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `HTTP ${status}` });
					});
					response.on('error', (error) => finish({ ok: false, error: error.message }));
				},
			);
			request.on('timeout', () => request.destroy(new Error(`no answer within ${this.options.settings.timeoutMs} ms`)));
			request.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, error: error.code ? `${error.code}: ${error.message}` : error.message }));
			this.request = request;
			request.end(body);
		});
	}
}

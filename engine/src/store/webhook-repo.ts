import type { EventFilters } from '../events/filters.js';
import type { Db } from './db.js';

/** A webhook subscription as stored, with its delivery cursor and counters. */
export interface WebhookRecord {
	id: string;
	/** Only this session's events; null = every session (admin only). */
	session: string | null;
	url: string;
	/** Event types, `*` for all, or a prefix such as `message.*`. */
	events: string[];
	filters: EventFilters;
	headers: Record<string, string>;
	secret: string;
	active: boolean;
	/** The last event seq this subscription is done with (delivered, filtered out or dead-lettered). */
	cursor: number;
	delivered: number;
	failedAttempts: number;
	deadLettered: number;
	replayed: number;
	lastSuccessAt: number | null;
	lastFailureAt: number | null;
	lastError: string | null;
	createdAt: number;
	updatedAt: number;
}

export interface DeadLetter {
	id: number;
	webhookId: string;
	eventSeq: number;
	eventId: string;
	eventType: string;
	/** The exact JSON body that was (and will again be) sent. */
	body: string;
	attempts: number;
	lastError: string;
	/** `dead`: given up; `replay`: queued for another round of attempts. */
	state: 'dead' | 'replay';
	failedAt: number;
}

interface Row {
	id: string;
	session_id: string | null;
	url: string;
	events: string;
	filters: string;
	headers: string;
	secret: string;
	active: number;
	cursor: number;
	delivered: number;
	failed_attempts: number;
	dead_lettered: number;
	replayed: number;
	last_success_at: number | null;
	last_failure_at: number | null;
	last_error: string | null;
	created_at: number;
	updated_at: number;
}

interface DeadRow {
	id: number;
	webhook_id: string;
	event_seq: number;
	event_id: string;
	event_type: string;
	body: string;
	attempts: number;
	last_error: string;
	state: 'dead' | 'replay';
	failed_at: number;
}

const toRecord = (row: Row): WebhookRecord => ({
	id: row.id,
	session: row.session_id,
	url: row.url,
	events: JSON.parse(row.events) as string[],
	filters: JSON.parse(row.filters) as EventFilters,
	headers: JSON.parse(row.headers) as Record<string, string>,
	secret: row.secret,
	active: row.active === 1,
	cursor: row.cursor,
	delivered: row.delivered,
	failedAttempts: row.failed_attempts,
	deadLettered: row.dead_lettered,
	replayed: row.replayed,
	lastSuccessAt: row.last_success_at,
	lastFailureAt: row.last_failure_at,
	lastError: row.last_error,
	createdAt: row.created_at,
	updatedAt: row.updated_at,
});

const toDeadLetter = (row: DeadRow): DeadLetter => ({
	id: row.id,
	webhookId: row.webhook_id,
	eventSeq: row.event_seq,
	eventId: row.event_id,
	eventType: row.event_type,
	body: row.body,
	attempts: row.attempts,
	lastError: row.last_error,
	state: row.state,
	failedAt: row.failed_at,
});

export type WebhookInsert = Pick<WebhookRecord, 'id' | 'session' | 'url' | 'events' | 'filters' | 'headers' | 'secret' | 'active' | 'cursor'>;
export type WebhookChange = Partial<Pick<WebhookRecord, 'url' | 'events' | 'filters' | 'headers' | 'secret' | 'active'>>;

/** Webhook subscriptions, their cursors and counters, and their dead letters. */
export class WebhookRepository {
	private readonly s;

	constructor(private readonly db: Db) {
		this.s = {
			insert: db.prepare(
				`INSERT INTO webhooks (id, session_id, url, events, filters, headers, secret, active, cursor, created_at, updated_at)
				 VALUES (@id, @session_id, @url, @events, @filters, @headers, @secret, @active, @cursor, @now, @now)`,
			),
			get: db.prepare<[string], Row>('SELECT * FROM webhooks WHERE id = ?'),
			byUrl: db.prepare<[string, string | null], Row>("SELECT * FROM webhooks WHERE url = ? AND ifnull(session_id, '') = ifnull(?, '')"),
			all: db.prepare<[], Row>('SELECT * FROM webhooks ORDER BY created_at, id'),
			bySession: db.prepare<[string], Row>('SELECT * FROM webhooks WHERE session_id = ? ORDER BY created_at, id'),
			delete: db.prepare<[string]>('DELETE FROM webhooks WHERE id = ?'),
			advance: db.prepare<[{ id: string; cursor: number; delivered: number; now: number | null }]>(
				`UPDATE webhooks SET cursor = max(cursor, @cursor), delivered = delivered + @delivered,
				 last_success_at = coalesce(@now, last_success_at) WHERE id = @id`,
			),
			setCursor: db.prepare<[number, number, string]>('UPDATE webhooks SET cursor = ?, updated_at = ? WHERE id = ?'),
			failure: db.prepare<[number, string, string]>(
				'UPDATE webhooks SET failed_attempts = failed_attempts + 1, last_failure_at = ?, last_error = ? WHERE id = ?',
			),
			deadLetter: db.prepare(
				`INSERT INTO webhook_dead_letters (webhook_id, event_seq, event_id, event_type, body, attempts, last_error, state, failed_at)
				 VALUES (@webhookId, @eventSeq, @eventId, @eventType, @body, @attempts, @lastError, 'dead', @failedAt)`,
			),
			countDead: db.prepare<[string], { n: number }>('UPDATE webhooks SET dead_lettered = dead_lettered + 1 WHERE id = ? RETURNING 1 AS n'),
			listDead: db.prepare<[{ webhookId: string; state: string | null; after: number; limit: number }], DeadRow>(
				'SELECT * FROM webhook_dead_letters WHERE webhook_id = @webhookId AND (@state IS NULL OR state = @state) AND id > @after ORDER BY id LIMIT @limit',
			),
			getDead: db.prepare<[number, string], DeadRow>('SELECT * FROM webhook_dead_letters WHERE id = ? AND webhook_id = ?'),
			nextReplay: db.prepare<[string], DeadRow>("SELECT * FROM webhook_dead_letters WHERE webhook_id = ? AND state = 'replay' ORDER BY id LIMIT 1"),
			markReplayAll: db.prepare<[string]>("UPDATE webhook_dead_letters SET state = 'replay' WHERE webhook_id = ? AND state = 'dead'"),
			markReplayOne: db.prepare<[number, string]>("UPDATE webhook_dead_letters SET state = 'replay' WHERE id = ? AND webhook_id = ? AND state = 'dead'"),
			replayed: db.prepare<[number]>('DELETE FROM webhook_dead_letters WHERE id = ?'),
			countReplayed: db.prepare<[string]>('UPDATE webhooks SET replayed = replayed + 1 WHERE id = ?'),
			replayFailed: db.prepare<[number, string, number, number]>(
				"UPDATE webhook_dead_letters SET state = 'dead', attempts = attempts + ?, last_error = ?, failed_at = ? WHERE id = ?",
			),
			deadCounts: db.prepare<[string], { state: string; n: number }>(
				'SELECT state, count(*) AS n FROM webhook_dead_letters WHERE webhook_id = ? GROUP BY state',
			),
			minActiveCursor: db.prepare<[], { cursor: number | null }>('SELECT min(cursor) AS cursor FROM webhooks WHERE active = 1'),
		};
	}

	insert(input: WebhookInsert): WebhookRecord {
		this.s.insert.run({
			id: input.id,
			session_id: input.session,
			url: input.url,
			events: JSON.stringify(input.events),
			filters: JSON.stringify(input.filters),
			headers: JSON.stringify(input.headers),
			secret: input.secret,
			active: input.active ? 1 : 0,
			cursor: input.cursor,
			now: Date.now(),
		});
		return this.get(input.id)!;
	}

	get(id: string): WebhookRecord | undefined {
		const row = this.s.get.get(id);
		return row && toRecord(row);
	}

	findByUrl(url: string, session: string | null): WebhookRecord | undefined {
		const row = this.s.byUrl.get(url, session);
		return row && toRecord(row);
	}

	list(session?: string): WebhookRecord[] {
		return (session === undefined ? this.s.all.all() : this.s.bySession.all(session)).map(toRecord);
	}

	update(id: string, change: WebhookChange): WebhookRecord | undefined {
		const columns: Record<string, unknown> = {};
		if (change.url !== undefined) columns.url = change.url;
		if (change.events !== undefined) columns.events = JSON.stringify(change.events);
		if (change.filters !== undefined) columns.filters = JSON.stringify(change.filters);
		if (change.headers !== undefined) columns.headers = JSON.stringify(change.headers);
		if (change.secret !== undefined) columns.secret = change.secret;
		if (change.active !== undefined) columns.active = change.active ? 1 : 0;
		const names = Object.keys(columns);
		if (names.length > 0) {
			this.db
				.prepare(`UPDATE webhooks SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @updated_at WHERE id = @id`)
				.run({ ...columns, updated_at: Date.now(), id });
		}
		return this.get(id);
	}

	delete(id: string): boolean {
		return this.s.delete.run(id).changes > 0;
	}

	/** Moves the cursor forward (never back) and counts `delivered` successful deliveries. */
	advance(id: string, cursor: number, delivered: number): void {
		this.s.advance.run({ id, cursor, delivered, now: delivered > 0 ? Date.now() : null });
	}

	/** Puts the cursor anywhere, also back (redelivery). */
	setCursor(id: string, cursor: number): void {
		this.s.setCursor.run(cursor, Date.now(), id);
	}

	recordFailure(id: string, error: string): void {
		this.s.failure.run(Date.now(), error, id);
	}

	/** Gives up on an event: stores it as a dead letter and moves the cursor past it, in one transaction. */
	addDeadLetter(letter: Omit<DeadLetter, 'id' | 'state' | 'failedAt'>): void {
		this.db.transaction(() => {
			this.s.deadLetter.run({ ...letter, failedAt: Date.now() });
			this.s.countDead.get(letter.webhookId);
			this.s.advance.run({ id: letter.webhookId, cursor: letter.eventSeq, delivered: 0, now: null });
		})();
	}

	listDeadLetters(webhookId: string, options: { state?: 'dead' | 'replay'; after?: number; limit: number }): DeadLetter[] {
		return this.s.listDead.all({ webhookId, state: options.state ?? null, after: options.after ?? 0, limit: options.limit }).map(toDeadLetter);
	}

	getDeadLetter(webhookId: string, id: number): DeadLetter | undefined {
		const row = this.s.getDead.get(id, webhookId);
		return row && toDeadLetter(row);
	}

	/** Queues dead letters for another round of attempts; returns how many were queued. */
	queueReplay(webhookId: string, ids?: number[]): number {
		if (!ids) return this.s.markReplayAll.run(webhookId).changes;
		return this.db.transaction(() => ids.reduce((n, id) => n + this.s.markReplayOne.run(id, webhookId).changes, 0))();
	}

	nextReplay(webhookId: string): DeadLetter | undefined {
		const row = this.s.nextReplay.get(webhookId);
		return row && toDeadLetter(row);
	}

	replaySucceeded(letter: DeadLetter): void {
		this.db.transaction(() => {
			this.s.replayed.run(letter.id);
			this.s.countReplayed.run(letter.webhookId);
			this.s.advance.run({ id: letter.webhookId, cursor: 0, delivered: 1, now: Date.now() });
		})();
	}

	replayFailed(letter: DeadLetter, attempts: number, error: string): void {
		this.s.replayFailed.run(attempts, error, Date.now(), letter.id);
	}

	deadLetterCounts(webhookId: string): { dead: number; replay: number } {
		const counts = { dead: 0, replay: 0 };
		for (const { state, n } of this.s.deadCounts.all(webhookId)) counts[state as 'dead' | 'replay'] = n;
		return counts;
	}

	/** The smallest cursor of the active subscriptions: retention never deletes an event past it. */
	minActiveCursor(): number | undefined {
		return this.s.minActiveCursor.get()?.cursor ?? undefined;
	}
}

import type { Db } from './db.js';

/**
 * Housekeeping of the durable event log: how far it reaches, and deleting old events. Sequence numbers are
 * never reused (the table is AUTOINCREMENT), so cursors stay valid after a prune.
 */
export class EventRetention {
	private readonly s;

	constructor(db: Db) {
		this.s = {
			head: db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM events'),
			prune: db.prepare<[number, number]>('DELETE FROM events WHERE timestamp < ? AND seq <= ?'),
		};
	}

	/** The newest sequence number (0 for an empty log). */
	head(): number {
		return this.s.head.get()?.seq ?? 0;
	}

	/** Deletes events older than `before` (epoch ms), but none with a seq above `keepAfter`. */
	prune(before: number, keepAfter: number): number {
		return this.s.prune.run(before, keepAfter).changes;
	}
}

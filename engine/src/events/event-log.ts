import type { EventRepository } from '../store/event-repo.js';
import type { EngineEvent, NewEvent } from './types.js';

type Listener = (event: EngineEvent) => void;

/**
 * Write first, then tell: an event reaches listeners (webhooks, streams, waiting API calls) only after it is
 * committed to SQLite, so nothing a listener saw can be missing after a crash.
 */
export class EventLog {
	private readonly listeners = new Set<Listener>();
	/** Pending `next()` calls, ended early by `close()` so a long poll never holds up shutdown. */
	private readonly waiting = new Set<(event: undefined) => void>();

	/** `prepare` may change an event or drop it (undefined) before it is logged: a session's settings do this. */
	constructor(
		private readonly repository: EventRepository,
		private readonly prepare: (event: NewEvent) => NewEvent | undefined = (event) => event,
	) {}

	append(event: NewEvent): EngineEvent | undefined {
		const prepared = this.prepare(event);
		if (!prepared) return undefined;
		const stored = this.repository.append(prepared);
		if (stored) for (const listener of this.listeners) listener(stored);
		return stored;
	}

	list(options: { after?: number; limit?: number; session?: string; type?: string }): EngineEvent[] {
		return this.repository.list({ after: options.after ?? 0, limit: options.limit ?? 100, session: options.session, type: options.type });
	}

	/** Resolves with the next logged event that matches, or undefined after `timeoutMs`. */
	next(matches: (event: EngineEvent) => boolean, timeoutMs: number): Promise<EngineEvent | undefined> {
		return new Promise((resolve) => {
			const done = (event: EngineEvent | undefined) => {
				clearTimeout(timer);
				unsubscribe();
				this.waiting.delete(done);
				resolve(event);
			};
			this.waiting.add(done);
			const unsubscribe = this.subscribe((event) => {
				if (matches(event)) done(event);
			});
			const timer = setTimeout(() => done(undefined), timeoutMs);
		});
	}

	/** Releases every waiting `next()` (engine shutdown). */
	close(): void {
		for (const done of [...this.waiting]) done(undefined);
	}

	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

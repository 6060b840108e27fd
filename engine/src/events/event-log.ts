import type { EventRepository, RecentChat } from '../store/event-repo.js';
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

	constructor(private readonly repository: EventRepository) {}

	append(event: NewEvent): EngineEvent | undefined {
		const stored = this.repository.append(event);
		if (stored) for (const listener of this.listeners) listener(stored);
		return stored;
	}

	/** The chats a session has messages with, newest first (see EventRepository.recentChats). */
	recentChats(session: string, options: { search?: string; limit: number; offset: number }): RecentChat[] {
		return this.repository.recentChats(session, options);
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

import type { EventRepository } from '../store/event-repo.js';
import type { EngineEvent, NewEvent } from './types.js';

type Listener = (event: EngineEvent) => void;

/**
 * Write first, then tell: an event reaches listeners (webhooks, streams, waiting API calls) only after it is
 * committed to SQLite, so nothing a listener saw can be missing after a crash.
 */
export class EventLog {
	private readonly listeners = new Set<Listener>();

	constructor(private readonly repository: EventRepository) {}

	append(event: NewEvent): EngineEvent | undefined {
		const stored = this.repository.append(event);
		if (stored) for (const listener of this.listeners) listener(stored);
		return stored;
	}

	list(options: { after?: number; limit?: number; session?: string; type?: string }): EngineEvent[] {
		return this.repository.list({ after: options.after ?? 0, limit: options.limit ?? 100, session: options.session, type: options.type });
	}

	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

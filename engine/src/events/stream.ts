import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { authorize, presentedKey } from '../api/auth.js';
import { errorHandler } from '../api/errors.js';
import { notFound } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { sessionId } from '../operations/schemas.js';
import type { SessionRepository } from '../store/session-repo.js';
import type { EventLog } from './event-log.js';
import { chatTypes, compileFilter, eventTypeList, type Me } from './filters.js';

export interface EventStreamOptions {
	events: EventLog;
	logger: Logger;
	sessionRepository: SessionRepository;
	adminKeyHash: string;
	resolveMe: (session: string) => Me;
	/** The newest seq in the log: where a stream without `Last-Event-ID` or `after` starts. */
	head: () => number;
	keepAliveMs: number;
}

const list = <T extends z.ZodType>(item: T) =>
	z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value), z.array(item)).optional();
const flag = z
	.enum(['true', 'false', '1', '0'])
	.transform((value) => value === 'true' || value === '1')
	.optional();

/** The stream's query: the webhook filters, flattened into comma-separated lists and flags. */
export const streamQuery = z.object({
	after: z.coerce.number().int().min(0).optional().describe('Start after this seq (Last-Event-ID wins when both are given)'),
	types: z
		.preprocess((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value), eventTypeList)
		.optional(),
	skipGroups: flag,
	skipNewsletters: flag,
	skipBroadcasts: flag,
	skipOwnMessages: flag,
	chatIds: list(z.string().min(1)),
	chatTypes: list(z.enum(chatTypes)),
	mentions: list(z.string().min(1)),
	messageTypes: list(z.string().min(1)),
	onlyStatusUpdates: flag,
});

const PAGE = 500;

/**
 * `GET /api/sessions/{session}/events/stream`: the session's events as Server-Sent Events. Each event is sent
 * with `id: <seq>`, so a client that reconnects with `Last-Event-ID` continues exactly after the last event it
 * saw. The stream always reads from the durable log (live events only wake it up), so there are no gaps between
 * the replayed part and the live part. Comments keep idle connections open; `close()` ends every stream.
 */
export function createEventStreams(options: EventStreamOptions): { handler: RequestHandler; close(): void; count(): number } {
	const open = new Set<() => void>();
	const onError = errorHandler(options.logger);

	const serve = async (req: Request, res: Response) => {
		const session = sessionId.parse(req.params.session);
		authorize(presentedKey(req), 'session', session, options.adminKeyHash, options.sessionRepository);
		if (!options.sessionRepository.get(session)) throw notFound('session_not_found', `No session with id "${session}".`);
		const query = streamQuery.parse(req.query);
		const lastEventId = req.get('last-event-id');
		const resumeFrom = lastEventId !== undefined && /^\d+$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : undefined;
		let cursor = resumeFrom ?? query.after ?? options.head();
		const { after: _after, types, ...filters } = query;
		const matches = compileFilter(types ?? ['*'], filters, options.resolveMe);

		res.writeHead(200, {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			'x-accel-buffering': 'no',
		});
		res.write(`retry: 2000\n: connected, after seq ${cursor}\n\n`);

		let closed = false;
		let pending = true;
		let wake: (() => void) | undefined;
		const poke = () => {
			pending = true;
			const resume = wake;
			wake = undefined;
			resume?.();
		};
		const unsubscribe = options.events.subscribe((event) => {
			if (event.session === session) poke();
		});
		const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), options.keepAliveMs);
		const close = () => {
			if (closed) return;
			closed = true;
			clearInterval(keepAlive);
			unsubscribe();
			open.delete(close);
			poke();
			res.end();
		};
		open.add(close);
		req.on('close', close);
		res.on('close', close);

		while (!closed) {
			pending = false;
			const batch = options.events.list({ after: cursor, limit: PAGE, session });
			if (batch.length === 0) {
				if (!pending && !closed) await new Promise<void>((resolve) => (wake = resolve));
				continue;
			}
			for (const event of batch) {
				if (closed) break;
				cursor = event.seq;
				if (!matches(event)) continue;
				if (!res.write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`)) {
					await new Promise<void>((resolve) => {
						const done = () => {
							res.off('drain', done);
							res.off('close', done);
							resolve();
						};
						res.on('drain', done);
						res.on('close', done);
					});
				}
			}
		}
	};

	return {
		handler: (req, res, next) => {
			serve(req, res).catch((error: unknown) => {
				if (res.headersSent) {
					options.logger.error({ err: error }, 'event stream failed');
					res.end();
				} else onError(error, req, res, next);
			});
		},
		close: () => {
			for (const close of [...open]) close();
		},
		count: () => open.size,
	};
}

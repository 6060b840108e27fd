export interface EventStreamOptions {
	/** The stream URL, filters included as query parameters. */
	url: string;
	headers: Record<string, string>;
	/** The seq of the last event handled, sent as `Last-Event-ID` on every (re)connect; undefined = from now on. */
	cursor(): number | undefined;
	/** The stream is open; `startSeq` is the position the engine starts after (from its greeting comment). */
	onOpen(startSeq: number | undefined): void;
	/** One event; the next one is read only after this settles, so events are handled one at a time, in order. */
	onEvent(seq: number, data: string): Promise<void>;
	/** The connection failed or ended; it is retried. */
	onError(error: Error): void;
	signal: AbortSignal;
	/** First retry delay, doubled per failed attempt up to `maxRetryMs`. */
	retryMs?: number;
	maxRetryMs?: number;
}

const delay = (ms: number, signal: AbortSignal) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(done, ms);
		function done() {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		}
		signal.addEventListener('abort', done);
	});

/** Splits the SSE body into blocks and hands each complete one on. */
async function readBlocks(body: ReadableStream<Uint8Array>, onBlock: (lines: string[]) => Promise<void>): Promise<void> {
	const decoder = new TextDecoder();
	let buffer = '';
	for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
		buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
		let end: number;
		while ((end = buffer.indexOf('\n\n')) >= 0) {
			const block = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			await onBlock(block.split('\n'));
		}
	}
}

/**
 * Follows the engine's Server-Sent Events stream until `signal` aborts: reconnects after any failure with
 * `Last-Event-ID` set to the last handled event, so nothing is skipped and nothing handled is read twice.
 */
export async function followEventStream(options: EventStreamOptions): Promise<void> {
	const { signal } = options;
	const baseDelay = options.retryMs ?? 250;
	let retry = baseDelay;
	while (!signal.aborted) {
		try {
			const cursor = options.cursor();
			const response = await fetch(options.url, {
				headers: { accept: 'text/event-stream', ...options.headers, ...(cursor !== undefined && { 'last-event-id': String(cursor) }) },
				signal,
			});
			if (!response.ok || !response.body) {
				const text = await response.text();
				throw new Error(`event stream answered HTTP ${response.status}: ${text}`);
			}
			let opened = false;
			await readBlocks(response.body, async (lines) => {
				let id: number | undefined;
				const data: string[] = [];
				for (const line of lines) {
					if (line.startsWith(':')) {
						if (!opened) {
							opened = true;
							retry = baseDelay;
							const greeting = /after seq (\d+)/.exec(line);
							options.onOpen(greeting ? Number(greeting[1]) : undefined);
						}
					} else if (line.startsWith('id:')) id = Number(line.slice(3).trim());
					else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
				}
				if (id !== undefined && data.length > 0) await options.onEvent(id, data.join('\n'));
			});
			if (!signal.aborted) throw new Error('event stream ended');
		} catch (error) {
			if (signal.aborted) break;
			options.onError(error as Error);
			await delay(retry, signal);
			retry = Math.min(retry * 2, options.maxRetryMs ?? 5_000);
		}
	}
}

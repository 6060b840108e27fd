import type { NewEvent } from '../../engine/src/events/types.js';
import { ADMIN_KEY, startTestEngine, type TestEngine } from '../helpers/engine.js';

/** A real Server-Sent Events client over fetch: frames as they arrive, and the end of the stream. */
class SseClient {
	readonly frames: Array<{ id?: string; data?: any; comment?: string }> = [];
	ended = false;
	status = 0;
	private readonly controller = new AbortController();
	private readonly waiters = new Set<() => void>();

	static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
		const client = new SseClient();
		const response = await fetch(url, { headers, signal: client.controller.signal });
		client.status = response.status;
		if (response.ok) void client.read(response.body!);
		else client.ended = true;
		return client;
	}

	private async read(body: ReadableStream<Uint8Array>) {
		const decoder = new TextDecoder();
		let buffer = '';
		try {
			const reader = body.getReader();
			for (;;) {
				const { done, value: chunk } = await reader.read();
				if (done) break;
				buffer += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const frame: { id?: string; data?: any; comment?: string } = {};
					for (const line of buffer.slice(0, end).split('\n')) {
						if (line.startsWith(':')) frame.comment = line.slice(1).trim();
						else if (line.startsWith('id: ')) frame.id = line.slice(4);
						else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
					}
					buffer = buffer.slice(end + 2);
					this.frames.push(frame);
				}
				this.notify();
			}
		} catch {
			// aborted
		}
		this.ended = true;
		this.notify();
	}

	private notify() {
		for (const waiter of [...this.waiters]) waiter();
	}

	events() {
		return this.frames.filter((f) => f.data !== undefined);
	}

	waitFor(done: () => boolean): Promise<void> {
		return new Promise((resolve, reject) => {
			const check = () => {
				if (done()) {
					this.waiters.delete(check);
					resolve();
				} else if (this.ended) {
					this.waiters.delete(check);
					reject(new Error(`stream ended; frames: ${JSON.stringify(this.frames)}`));
				}
			};
			this.waiters.add(check);
			check();
		});
	}

	waitForEnd(): Promise<void> {
		return new Promise((resolve) => {
			const check = () => {
				if (this.ended) {
					this.waiters.delete(check);
					resolve();
				}
			};
			this.waiters.add(check);
			check();
		});
	}

	close() {
		this.controller.abort();
	}
}

let engine: TestEngine;
let s2Key: string;
let counter = 0;
const event = (session: string, overrides: Partial<NewEvent> = {}): NewEvent => ({
	id: `evt_stream_${++counter}`,
	type: 'message.received',
	session,
	timestamp: Date.now(),
	chat: { id: '15550001111@s.whatsapp.net', phone: '15550001111' },
	data: { id: `S${counter}`, fromMe: false, type: 'text', text: `n${counter}` },
	...overrides,
});
const streamUrl = (session: string, query = '') => `${engine.url}/api/sessions/${session}/events/stream${query}`;

beforeAll(async () => {
	engine = await startTestEngine({ streamKeepAliveMs: 25 });
	await engine.call('POST', '/api/sessions', { body: { id: 's1', start: false } });
	s2Key = (await engine.call('POST', '/api/sessions', { body: { id: 's2', start: false } })).body.apiKey;
});
afterAll(async () => {
	await engine.dispose();
});

describe('event stream (Server-Sent Events)', () => {
	it('streams live events with id = seq, and resumes after Last-Event-ID without gaps or repeats', async () => {
		const first = await SseClient.open(streamUrl('s1'), { 'x-api-key': ADMIN_KEY });
		expect(first.status).toBe(200);
		await first.waitFor(() => first.frames.some((f) => f.comment?.startsWith('connected')));
		const sent = Array.from({ length: 5 }, () => engine.events.append(event('s1'))!);
		engine.events.append(event('s2'));
		await first.waitFor(() => first.events().length === 5);
		expect(first.events().map((f) => f.data.id)).toEqual(sent.map((e) => e.id));
		expect(first.events().map((f) => Number(f.id))).toEqual(sent.map((e) => e.seq));
		expect(first.events()[0].data).toEqual(JSON.parse(JSON.stringify(sent[0])));
		first.close();
		await first.waitForEnd();

		// While nobody listens, more happens.
		const missed = Array.from({ length: 5 }, () => engine.events.append(event('s1'))!);
		const resumed = await SseClient.open(streamUrl('s1'), { 'x-api-key': ADMIN_KEY, 'last-event-id': String(sent[2].seq) });
		const live = engine.events.append(event('s1'))!;
		const expected = [...sent.slice(3), ...missed, live];
		await resumed.waitFor(() => resumed.events().length === expected.length);
		expect(resumed.events().map((f) => f.data.id)).toEqual(expected.map((e) => e.id));
		resumed.close();
	});

	it('applies the event types and filters, and sends keep-alive comments', async () => {
		const from = engine.events.append(event('s1', { type: 'session.connected', chat: undefined, data: {} }))!;
		const client = await SseClient.open(streamUrl('s1', `?after=${from.seq}&types=message.receipt,message.received&skipGroups=true&messageTypes=text`), { 'x-api-key': ADMIN_KEY });
		engine.events.append(event('s1', { chat: { id: '1203630001@g.us' } }));
		engine.events.append(event('s1', { data: { id: 'I', fromMe: false, type: 'image' } }));
		const receipt = engine.events.append(event('s1', { type: 'message.receipt', data: { id: 'R', fromMe: true, status: 'read' } }))!;
		engine.events.append(event('s1', { type: 'session.disconnected', chat: undefined, data: {} }));
		const text = engine.events.append(event('s1'))!;
		await client.waitFor(() => client.events().length === 1);
		await client.waitFor(() => client.frames.some((f) => f.comment === 'keep-alive'));
		// messageTypes looks at message content: the receipt is not a message, so it is out too.
		expect(client.events().map((f) => f.data.id)).toEqual([text.id]);
		expect(receipt.seq).toBeLessThan(text.seq);
		client.close();
	});

	it("refuses other sessions' keys, missing keys and unknown sessions", async () => {
		expect((await SseClient.open(streamUrl('s1'), { 'x-api-key': s2Key })).status).toBe(403);
		expect((await SseClient.open(streamUrl('s1'), {})).status).toBe(401);
		expect((await SseClient.open(streamUrl('nope'), { 'x-api-key': ADMIN_KEY })).status).toBe(404);
		expect((await SseClient.open(streamUrl('s1', '?chatTypes=planet'), { 'x-api-key': ADMIN_KEY })).status).toBe(400);
		const own = await SseClient.open(streamUrl('s2'), { 'x-api-key': s2Key });
		expect(own.status).toBe(200);
		own.close();
	});

	it('is closed when the engine stops', async () => {
		const local = await startTestEngine();
		await local.call('POST', '/api/sessions', { body: { id: 'x', start: false } });
		const client = await SseClient.open(`${local.url}/api/sessions/x/events/stream`, { 'x-api-key': ADMIN_KEY });
		await client.waitFor(() => client.frames.length > 0);
		await local.dispose();
		await client.waitForEnd();
		expect(client.ended).toBe(true);
	});
});

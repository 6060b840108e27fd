import { createHmac } from 'node:crypto';
import type { NewEvent } from '../../engine/src/events/types.js';
import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { Receiver } from './receiver.js';

/**
 * Webhook subscriptions and the dispatcher, against a real engine (real SQLite, real HTTP) and real receivers.
 * Events are appended through the engine's own EventLog, exactly as sessions append them.
 */
let engine: TestEngine;
let s1Key: string;
let s2Key: string;
let counter = 0;

const event = (session: string, overrides: Partial<NewEvent> = {}): NewEvent => ({
	id: `evt_test_${++counter}`,
	type: 'message.received',
	session,
	timestamp: Date.now(),
	chat: { id: '15550001111@s.whatsapp.net', phone: '15550001111' },
	sender: { id: '15550001111@s.whatsapp.net', phone: '15550001111' },
	data: { id: `MSG${counter}`, fromMe: false, type: 'text', text: `hello ${counter}` },
	...overrides,
});
const append = (e: NewEvent) => engine.events.append(e)!;

const subscribe = async (body: Record<string, unknown>, key?: string) => {
	const response = await engine.call('POST', '/api/webhooks', { body, key });
	expect(response.status).toBe(200);
	return response.body;
};

beforeAll(async () => {
	engine = await startTestEngine({ webhookRetryBaseMs: 5, webhookRetryMaxMs: 40, webhookMaxAttempts: 3 });
	s1Key = (await engine.call('POST', '/api/sessions', { body: { id: 's1', start: false } })).body.apiKey;
	s2Key = (await engine.call('POST', '/api/sessions', { body: { id: 's2', start: false } })).body.apiKey;
	expect(s1Key).toEqual(expect.any(String));
});
afterAll(async () => {
	await engine.dispose();
});

describe('webhook subscriptions', () => {
	it('creates idempotently by URL + session, keeps the secret, and lists without secrets', async () => {
		const first = await subscribe({ url: 'http://127.0.0.1:1/a', session: 's1', events: ['message.received'] });
		expect(first).toMatchObject({ id: expect.stringMatching(/^wh_/), session: 's1', url: 'http://127.0.0.1:1/a', events: ['message.received'], active: true, created: true, secret: expect.stringMatching(/^whsec_/) });
		const again = await subscribe({ url: 'http://127.0.0.1:1/a', session: 's1' });
		expect(again).toMatchObject({ id: first.id, secret: first.secret, created: false, events: ['message.received'] });
		const otherSession = await subscribe({ url: 'http://127.0.0.1:1/a', session: 's2' });
		expect(otherSession.id).not.toBe(first.id);

		const listed = await engine.call('GET', '/api/webhooks?session=s1');
		expect(listed.body.map((w: any) => w.id)).toEqual([first.id]);
		expect(listed.body[0].secret).toBeUndefined();
		const got = await engine.call('GET', `/api/webhooks/${first.id}`);
		expect(got.body.secret).toBe(first.secret);

		await engine.call('DELETE', '/api/webhooks');
		expect((await engine.call('GET', '/api/webhooks')).body).toEqual([]);
	});

	it("lets a session's key manage only its own session's subscriptions", async () => {
		const own = await subscribe({ url: 'http://127.0.0.1:1/own' }, s1Key);
		expect(own.session).toBe('s1');
		const foreign = await subscribe({ url: 'http://127.0.0.1:1/foreign', session: 's2' });

		expect((await engine.call('POST', '/api/webhooks', { body: { url: 'http://127.0.0.1:1/x', session: 's2' }, key: s1Key })).status).toBe(403);
		expect((await engine.call('GET', `/api/webhooks/${foreign.id}`, { key: s1Key })).status).toBe(404);
		expect((await engine.call('DELETE', `/api/webhooks/${foreign.id}`, { key: s1Key })).status).toBe(404);
		expect((await engine.call('GET', '/api/webhooks', { key: s1Key })).body.map((w: any) => w.id)).toEqual([own.id]);
		expect((await engine.call('GET', '/api/webhooks', { key: s2Key })).body.map((w: any) => w.id)).toEqual([foreign.id]);
		expect((await engine.call('GET', '/api/webhooks', { key: null })).status).toBe(401);

		const updated = await engine.call('PATCH', `/api/webhooks/${own.id}`, { body: { events: ['message.*'], active: false }, key: s1Key });
		expect(updated.body).toMatchObject({ events: ['message.*'], active: false });
		expect((await engine.call('DELETE', '/api/webhooks', { key: s1Key })).body).toEqual({ deleted: 1 });
		expect((await engine.call('GET', `/api/webhooks/${foreign.id}`)).status).toBe(200);
		await engine.call('DELETE', `/api/webhooks/${foreign.id}`);
		expect((await engine.call('GET', `/api/webhooks/${foreign.id}`)).status).toBe(404);
	});

	it('rejects bad input: non-http URLs, unknown sessions, reserved headers, unknown filter fields', async () => {
		expect((await engine.call('POST', '/api/webhooks', { body: { url: 'ftp://x/y' } })).status).toBe(400);
		expect((await engine.call('POST', '/api/webhooks', { body: { url: 'http://127.0.0.1:1/q', session: 'nope' } })).status).toBe(404);
		expect((await engine.call('POST', '/api/webhooks', { body: { url: 'http://127.0.0.1:1/q', headers: { 'X-WA-Signature': 'x' } } })).status).toBe(400);
		expect((await engine.call('POST', '/api/webhooks', { body: { url: 'http://127.0.0.1:1/q', filters: { bogus: true } } })).status).toBe(400);
	});
});

describe('webhook delivery', () => {
	let receiver: Receiver;
	beforeEach(async () => {
		receiver = await new Receiver().start();
	});
	afterEach(async () => {
		await engine.call('DELETE', '/api/webhooks');
		await receiver.stop();
	});

	it('POSTs each event once, in order, signed with HMAC-SHA256 over timestamp.body, with custom headers', async () => {
		const hook = await subscribe({ url: receiver.url, session: 's1', headers: { Authorization: 'Bearer abc' } });
		const sent = [append(event('s1')), append(event('s2')), append(event('s1', { type: 'message.receipt', data: { id: 'M', fromMe: true, status: 'read' } })), append(event('s1'))];
		const expected = sent.filter((e) => e.session === 's1');
		await receiver.waitFor((r) => r.length >= expected.length);

		expect(receiver.events().map((e) => e.id)).toEqual(expected.map((e) => e.id));
		expect(receiver.events()[0]).toEqual(JSON.parse(JSON.stringify(expected[0])));
		for (const request of receiver.requests) {
			const timestamp = String(request.headers['x-wa-timestamp']);
			expect(timestamp).toMatch(/^\d+$/);
			const signature = `sha256=${createHmac('sha256', hook.secret).update(`${timestamp}.${request.raw}`).digest('hex')}`;
			expect(request.headers['x-wa-signature']).toBe(signature);
			expect(request.headers['x-wa-event-id']).toBe(request.body.id);
			expect(request.headers.authorization).toBe('Bearer abc');
			expect(request.headers['content-type']).toBe('application/json');
		}
		const stats = await engine.call('GET', `/api/webhooks/${hook.id}/stats`);
		expect(stats.body).toMatchObject({ delivered: expected.length, failedAttempts: 0, deadLetters: 0, cursor: expected.at(-1)!.seq });
	});

	it('applies event types and filters: groups, own messages, chat ids (phone or LID), chat types, message types, mentions', async () => {
		const group = { id: '12036300000001@g.us' };
		const alice = { id: '15550002222@s.whatsapp.net', phone: '15550002222', lid: '99990002222@lid' };
		const mainHook = await subscribe({
			url: receiver.url,
			session: 's1',
			events: ['message.*'],
			filters: { skipGroups: true, skipOwnMessages: true, chatIds: ['+1 555 000 2222'], messageTypes: ['text', 'image'] },
		});
		const byLid = await subscribe({ url: `${receiver.url}?lid`, session: 's1', events: ['message.received'], filters: { chatIds: ['99990002222@lid'], chatTypes: ['contact'] } });
		const mentionHook = await subscribe({ url: `${receiver.url}?mention`, session: 's1', events: ['message.received'], filters: { mentions: ['15550009999'] } });
		const reactionHook = await subscribe({ url: `${receiver.url}?reaction`, session: 's1', events: ['message.*'], filters: { messageTypes: ['reaction'] } });

		const wanted = append(event('s1', { chat: alice, data: { id: 'A1', fromMe: false, type: 'text', text: 'hi' } }));
		append(event('s1', { chat: group, data: { id: 'G1', fromMe: false, type: 'text', text: 'group' } }));
		append(event('s1', { chat: alice, data: { id: 'A2', fromMe: true, type: 'text', text: 'mine' } }));
		append(event('s1', { chat: alice, data: { id: 'A3', fromMe: false, type: 'sticker' } }));
		append(event('s1', { chat: { id: '15550003333@s.whatsapp.net', phone: '15550003333' }, data: { id: 'B1', fromMe: false, type: 'text' } }));
		append(event('s1', { type: 'session.connected', chat: undefined, sender: undefined, data: {} }));
		const mentioning = append(event('s1', { chat: group, data: { id: 'G2', fromMe: false, type: 'text', mentions: ['15550009999@s.whatsapp.net'] } }));
		append(event('s1', { type: 'message.reaction', chat: alice, data: { id: 'R1', fromMe: false, emoji: '👍', targetId: 'A1' } }));
		const last = append(event('s1', { chat: alice, data: { id: 'A4', fromMe: false, type: 'image' } }));

		await receiver.waitFor((r) => r.some((x) => x.headers['x-wa-webhook-id'] === mainHook.id && x.body.id === last.id));
		await receiver.waitFor((r) => r.some((x) => x.headers['x-wa-webhook-id'] === byLid.id && x.body.id === last.id));
		await receiver.waitFor((r) => r.some((x) => x.headers['x-wa-webhook-id'] === mentionHook.id));
		const of = (id: string) => receiver.requests.filter((x) => x.headers['x-wa-webhook-id'] === id).map((x) => x.body.data.id);
		expect(of(mainHook.id)).toEqual(['A1', 'A4']);
		expect(receiver.requests.find((x) => x.body.data.id === 'A1')!.body.id).toBe(wanted.id);
		// By LID, contacts only: the group messages are out, own messages and stickers are in.
		expect(of(byLid.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
		// The mention subscription saw only the mentioning message, and it is done with everything after it.
		expect(of(mentionHook.id)).toEqual(['G2']);
		// A message-type filter of "reaction" matches reaction events, and only those.
		await receiver.waitFor((r) => r.some((x) => x.headers['x-wa-webhook-id'] === reactionHook.id));
		expect(of(reactionHook.id)).toEqual(['R1']);
		expect(mentioning.seq).toBeLessThan(last.seq);
	});

	it('dead-letters an event after the last attempt, goes on with the next, and replays it on request', async () => {
		const hook = await subscribe({ url: receiver.url, session: 's1' });
		const doomed = append(event('s1'));
		receiver.answer = (request) => (request.body.id === doomed.id && !replaying ? 500 : 200);
		let replaying = false;
		const next = append(event('s1'));
		await receiver.waitFor((r) => r.some((x) => x.body.id === next.id));
		expect(receiver.requests.filter((x) => x.body.id === doomed.id).map((x) => x.headers['x-wa-delivery-attempt'])).toEqual(['1', '2', '3']);

		const letters = await engine.call('GET', `/api/webhooks/${hook.id}/dead-letters`);
		expect(letters.body).toEqual([
			expect.objectContaining({ eventSeq: doomed.seq, eventId: doomed.id, eventType: 'message.received', attempts: 3, lastError: 'HTTP 500', state: 'dead', event: JSON.parse(JSON.stringify(doomed)) }),
		]);
		expect((await engine.call('GET', `/api/webhooks/${hook.id}/stats`)).body).toMatchObject({ delivered: 1, failedAttempts: 3, deadLetters: 1, deadLettered: 1 });

		replaying = true;
		const replay = await engine.call('POST', `/api/webhooks/${hook.id}/dead-letters/replay`, { body: {} });
		expect(replay).toMatchObject({ status: 202, body: { queued: 1 } });
		await receiver.waitFor((r) => r.filter((x) => x.body.id === doomed.id).length === 4);
		const after = append(event('s1'));
		await receiver.waitFor((r) => r.some((x) => x.body.id === after.id));
		expect((await engine.call('GET', `/api/webhooks/${hook.id}/dead-letters`)).body).toEqual([]);
		expect((await engine.call('GET', `/api/webhooks/${hook.id}/stats`)).body).toMatchObject({ deadLetters: 0, replayed: 1, delivered: 3 });
	});

	it('redelivers every event from a sequence number on', async () => {
		const hook = await subscribe({ url: receiver.url, session: 's1' });
		const sent = Array.from({ length: 5 }, () => append(event('s1')));
		await receiver.waitFor((r) => r.length === 5);
		const redo = await engine.call('POST', `/api/webhooks/${hook.id}/redeliver`, { body: { fromSeq: sent[2].seq } });
		expect(redo.status).toBe(202);
		await receiver.waitFor((r) => r.length === 8);
		expect(receiver.events().map((e) => e.id)).toEqual([...sent, ...sent.slice(2)].map((e) => e.id));
	});

	it('does not deliver while inactive, and resumes from its place when activated', async () => {
		const hook = await subscribe({ url: receiver.url, session: 's1', active: false });
		const first = append(event('s1'));
		await engine.call('PATCH', `/api/webhooks/${hook.id}`, { body: { active: true } });
		const second = append(event('s1'));
		await receiver.waitFor((r) => r.some((x) => x.body.id === second.id));
		expect(receiver.events().map((e) => e.id)).toEqual([first.id, second.id]);
	});
});

describe('receiver outage', () => {
	it('keeps every event while the receiver is down and delivers all 1,000 once it is back', async () => {
		// Enough attempts that the outage cannot exhaust them: this is about waiting, not dead-lettering.
		const local = await startTestEngine({ webhookRetryBaseMs: 5, webhookRetryMaxMs: 50, webhookMaxAttempts: 100_000 });
		const receiver = await new Receiver().start();
		try {
			await local.call('POST', '/api/sessions', { body: { id: 'o', start: false } });
			const hook = (await local.call('POST', '/api/webhooks', { body: { url: receiver.url, session: 'o' } })).body;
			await receiver.stop();
			const sent = Array.from({ length: 1000 }, (_, i) =>
				local.events.append({ id: `evt_outage_${i}`, type: 'message.received', session: 'o', timestamp: Date.now(), data: { id: `O${i}`, fromMe: false, type: 'text', text: `n${i}` } })!,
			);
			expect((await local.call('GET', `/api/webhooks/${hook.id}/stats`)).body).toMatchObject({ delivered: 0, behind: 1000 });
			await receiver.start();
			await receiver.waitFor((r) => new Set(r.map((x) => x.body.id)).size >= 1000);

			const ids = receiver.events().map((e) => e.id);
			// Every event, in log order, none missing.
			expect([...new Set(ids)]).toEqual(sent.map((e) => e.id));
			// Any duplicate is the same event again: same id, identical body.
			const byId = new Map(sent.map((e) => [e.id, JSON.parse(JSON.stringify(e))]));
			for (const request of receiver.requests) expect(request.body).toEqual(byId.get(request.body.id));
			const stats = (await local.call('GET', `/api/webhooks/${hook.id}/stats`)).body;
			expect(stats).toMatchObject({ deadLetters: 0, cursor: sent[999].seq });
			expect(stats.failedAttempts).toBeGreaterThan(0);
		} finally {
			await local.dispose();
			await receiver.stop();
		}
	});
});

describe('engine stop', () => {
	it('ends the dispatcher even while a delivery waits for a one-hour backoff', async () => {
		const local = await startTestEngine({ webhookRetryBaseMs: 3_600_000, webhookRetryMaxMs: 3_600_000 });
		const receiver = await new Receiver().start();
		receiver.answer = () => 503;
		try {
			await local.call('POST', '/api/sessions', { body: { id: 'z', start: false } });
			await local.call('POST', '/api/webhooks', { body: { url: receiver.url, session: 'z' } });
			local.events.append({ id: 'evt_stop_1', type: 'message.received', session: 'z', timestamp: Date.now(), data: {} });
			await receiver.waitFor((r) => r.length === 1);
		} finally {
			await local.dispose();
			await receiver.stop();
		}
		expect(receiver.requests).toHaveLength(1);
	});
});

import type { TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById, startEngine } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startEngine();
	await engine.call('POST', '/api/sessions', { body: { id: 'ev-a', start: false } });
	await engine.call('POST', '/api/sessions', { body: { id: 'ev-b', start: false } });
	// the engine's own event log (SQLite), written the way the session manager writes it
	const append = (session: string, type: string, n: number) =>
		engine.events.append({ id: `${session}-${type}-${n}`, type, session, timestamp: 1_700_000_000_000 + n, data: { n } });
	for (let n = 0; n < 1005; n++) append('ev-a', n % 2 === 0 ? 'message.received' : 'message.receipt', n);
	append('ev-b', 'session.connected', 0);
});
afterAll(async () => {
	await engine.dispose();
});

const listEvents = (parameters: Record<string, unknown>) =>
	runNode(engine, { resource: 'event', operation: 'listEvents', session: sessionById('ev-a'), ...parameters });

describe('WhatsApp node › event', () => {
	it('lists up to the limit, oldest first, only of the chosen session', async () => {
		const result = await listEvents({ limit: 3 });
		expect(result.run.status).toBe('success');
		expect(result.items.map((item) => item.json.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
		expect(result.items.every((item) => item.json.session === 'ev-a')).toBe(true);
	});

	it('continues after a sequence number and filters by type', async () => {
		const first = await listEvents({ limit: 2 });
		const after = first.items[1].json.seq as number;
		const result = await listEvents({ limit: 2, filters: { after, type: 'message.received' } });
		expect(result.items.map((item) => item.json.data)).toEqual([{ n: 2 }, { n: 4 }]);
		expect(result.items.every((item) => (item.json.seq as number) > after)).toBe(true);
	});

	it('returns all events across pages of the engine (more than one page of 1000)', async () => {
		const result = await listEvents({ returnAll: true });
		expect(result.run.status).toBe('success');
		expect(result.items).toHaveLength(1005);
		expect(result.items[1004].json.data).toEqual({ n: 1004 });
		expect(new Set(result.items.map((item) => item.json.seq)).size).toBe(1005);
	});

	it('returns no items for a session without events, and fails for an unknown session', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'ev-empty', start: false } });
		const empty = await runNode(engine, { resource: 'event', operation: 'listEvents', session: sessionById('ev-empty'), limit: 10 });
		expect(empty.run.status).toBe('success');
		expect(empty.items).toEqual([]);

		const unknown = await runNode(engine, { resource: 'event', operation: 'listEvents', session: sessionById('ev-nobody'), limit: 10 });
		expect(unknown.run.status).toBe('error');
		expect(runError(unknown)).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
	});
});

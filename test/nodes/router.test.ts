import type { TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById, startEngine } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startEngine();
	for (const id of ['items-a', 'items-b', 'items-c']) await engine.call('POST', '/api/sessions', { body: { id, name: `Name ${id}`, start: false } });
});
afterAll(async () => {
	await engine.dispose();
});

const getBySessionField = { resource: 'instance', operation: 'getInstance', session: sessionById('={{ $json.session }}') };

describe('WhatsApp node › items', () => {
	it('runs once per input item and pairs every output with its input', async () => {
		const items = ['items-c', 'items-a', 'items-b'].map((session) => ({ json: { session } }));
		const result = await runNode(engine, getBySessionField, { items });
		expect(result.run.status).toBe('success');
		expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['items-c', { item: 0 }],
			['items-a', { item: 1 }],
			['items-b', { item: 2 }],
		]);
	});

	it('pairs every item of a list answer with the input item it came from', async () => {
		const listed = await runNode(engine, { resource: 'instance', operation: 'listInstances' }, { items: [{ json: {} }, { json: {} }] });
		const perInput = listed.items.length / 2;
		expect(perInput).toBe((await engine.call('GET', '/api/sessions')).body.length);
		expect(listed.items.map((item) => item.pairedItem)).toEqual([
			...Array.from({ length: perInput }, () => ({ item: 0 })),
			...Array.from({ length: perInput }, () => ({ item: 1 })),
		]);
	});

	it('stops at the first failing item by default, naming the engine\'s error', async () => {
		const items = [{ json: { session: 'items-a' } }, { json: { session: 'items-missing' } }, { json: { session: 'items-b' } }];
		const result = await runNode(engine, getBySessionField, { items });
		expect(result.run.status).toBe('error');
		expect(runError(result)).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		expect(runError(result)?.message).toContain('items-missing');
	});

	it('with "Continue On Fail", keeps going and puts the error item where the failing input was', async () => {
		const items = [{ json: { session: 'items-a' } }, { json: { session: 'items-missing' } }, { json: { session: 'items-b' } }];
		const result = await runNode(engine, getBySessionField, { items, node: { onError: 'continueRegularOutput' } });
		expect(result.run.status).toBe('success');
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toMatchObject({ json: { id: 'items-a' }, pairedItem: { item: 0 } });
		expect(result.items[1]).toEqual({
			json: { error: expect.stringContaining('items-missing'), httpCode: '404', code: expect.any(String) },
			pairedItem: { item: 1 },
		});
		expect(result.items[2]).toMatchObject({ json: { id: 'items-b' }, pairedItem: { item: 2 } });
	});
});

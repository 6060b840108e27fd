import type { TestEngine } from '../helpers/engine.js';
import { runChain, runError, runNode, sessionById, startEngine, whatsAppNode } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(async () => {
	await engine.dispose();
});

describe('WhatsApp node › instance', () => {
	it('creates an instance with the given id, name and no connection, and returns its key once', async () => {
		const result = await runNode(engine, {
			resource: 'instance',
			operation: 'createInstance',
			sessionId: 'inst-create',
			additionalFields: { name: 'Shop line', start: false },
		});
		expect(result.run.status).toBe('success');
		expect(result.items).toHaveLength(1);
		const { json, pairedItem } = result.items[0];
		expect(pairedItem).toEqual({ item: 0 });
		expect(json.session).toMatchObject({ id: 'inst-create', name: 'Shop line', status: { state: 'stopped' } });
		expect(typeof json.apiKey).toBe('string');
		// it really exists in the engine now
		expect((await engine.call('GET', '/api/sessions/inst-create')).body).toMatchObject({ id: 'inst-create', name: 'Shop line' });
	});

	it('lists instances as one item per session', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'inst-list-a', start: false } });
		await engine.call('POST', '/api/sessions', { body: { id: 'inst-list-b', start: false } });
		const result = await runNode(engine, { resource: 'instance', operation: 'listInstances' });
		expect(result.run.status).toBe('success');
		const ids = result.items.map((item) => item.json.id);
		expect(ids).toEqual(expect.arrayContaining(['inst-list-a', 'inst-list-b']));
		expect(result.items.length).toBe((await engine.call('GET', '/api/sessions')).body.length);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	it('gets one instance by id', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'inst-get', name: 'Getter', start: false } });
		const result = await runNode(engine, { resource: 'instance', operation: 'getInstance', session: sessionById('inst-get') });
		expect(result.run.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ id: 'inst-get', name: 'Getter', paired: false })]);
	});

	it('falls back to the credential\'s default session when the session field is empty', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'inst-default', start: false } });
		const result = await runNode(
			engine,
			{ resource: 'instance', operation: 'getInstance', session: { __rl: true, mode: 'list', value: '' } },
			{ credentials: { defaultSession: 'inst-default' } },
		);
		expect(result.run.status).toBe('success');
		expect(result.items[0].json.id).toBe('inst-default');
	});

	it('fails with a clear error when neither the node nor the credential names a session', async () => {
		const result = await runNode(engine, { resource: 'instance', operation: 'getInstance', session: { __rl: true, mode: 'list', value: '' } });
		expect(result.run.status).toBe('error');
		expect(runError(result)?.message).toBe('No session chosen');
	});

	it('renames an instance', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'inst-rename', start: false } });
		const result = await runNode(engine, {
			resource: 'instance',
			operation: 'updateInstanceCredentials',
			session: sessionById('inst-rename'),
			updateFields: { name: 'Renamed' },
		});
		expect(result.run.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ id: 'inst-rename', name: 'Renamed' });
		expect((await engine.call('GET', '/api/sessions/inst-rename')).body.name).toBe('Renamed');
	});

	it('deletes an instance, after which getting it fails with the engine\'s 404 message', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'inst-delete', start: false } });
		const deleted = await runNode(engine, { resource: 'instance', operation: 'deleteInstance', session: sessionById('inst-delete') });
		expect(deleted.run.status).toBe('success');
		expect(deleted.items[0].json).toEqual({ deleted: true, id: 'inst-delete' });

		const engineAnswer = await engine.call('GET', '/api/sessions/inst-delete');
		expect(engineAnswer.status).toBe(404);
		const missing = await runNode(engine, { resource: 'instance', operation: 'getInstance', session: sessionById('inst-delete') });
		expect(missing.run.status).toBe('error');
		expect(runError(missing)).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: engineAnswer.body.error.message });
	});

	it('feeds one node\'s output into the next through expressions (create, then get by $json.session.id)', async () => {
		const result = await runChain(engine, [
			whatsAppNode(
				{ resource: 'instance', operation: 'createInstance', sessionId: '={{ $json.wanted }}', additionalFields: { start: false } },
				{ name: 'Create' },
			),
			whatsAppNode({ resource: 'instance', operation: 'getInstance', session: sessionById('={{ $json.session.id }}') }, { name: 'Get' }),
		], [{ json: { wanted: 'inst-chain' } }]);
		expect(result.run.status).toBe('success');
		expect(result.order).toEqual(['Create', 'Get']);
		expect(result.output('Get').map((item) => item.json.id)).toEqual(['inst-chain']);
	});
});

import { startTestEngine, type TestEngine } from '../../helpers/engine.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startTestEngine();
});
afterAll(async () => {
	await engine.dispose();
});

const expectError = (response: { status: number; body: any }, status: number, code: string) => {
	expect(response.status).toBe(status);
	expect(response.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
};

describe('authentication', () => {
	it('serves /health without a key', async () => {
		const response = await engine.call('GET', '/health', { key: null });
		expect(response.status).toBe(200);
		expect(response.body.status).toBe('ok');
	});

	it('refuses a request without a key (401)', async () => {
		expectError(await engine.call('GET', '/api/sessions', { key: null }), 401, 'unauthorized');
	});

	it('refuses a wrong key (401), also as a bearer token', async () => {
		expectError(await engine.call('GET', '/api/sessions', { key: 'x'.repeat(24) }), 401, 'unauthorized');
		const bearer = await engine.call('GET', '/api/sessions', { key: null, headers: { authorization: 'Bearer nope-nope-nope-nope' } });
		expectError(bearer, 401, 'unauthorized');
	});

	it('accepts the admin key as X-Api-Key or bearer token', async () => {
		expect((await engine.call('GET', '/api/sessions')).status).toBe(200);
		const bearer = await engine.call('GET', '/api/sessions', { key: null, headers: { authorization: 'Bearer test-admin-key-0123456789' } });
		expect(bearer.status).toBe(200);
	});

	it('lets a session key reach its own session only', async () => {
		const a = await engine.call('POST', '/api/sessions', { body: { id: 'auth-a', start: false } });
		const b = await engine.call('POST', '/api/sessions', { body: { id: 'auth-b', start: false } });
		expect(a.status).toBe(201);
		expect(b.status).toBe(201);
		const keyA: string = a.body.apiKey;

		const own = await engine.call('GET', '/api/sessions/auth-a/status', { key: keyA });
		expect(own.status).toBe(200);
		expect(own.body.state).toBe('stopped');
		expectError(await engine.call('GET', '/api/sessions/auth-b/status', { key: keyA }), 403, 'forbidden');
		const listed = await engine.call('GET', '/api/sessions', { key: keyA });
		expect(listed.body.map((s: { id: string }) => s.id)).toEqual(['auth-a']);
		expectError(await engine.call('POST', '/api/sessions', { key: keyA, body: { id: 'sneaky' } }), 403, 'forbidden');
		expectError(await engine.call('DELETE', '/api/sessions/auth-b', { key: keyA }), 403, 'forbidden');
	});

	it('stops accepting a replaced session key at once', async () => {
		const created = await engine.call('POST', '/api/sessions', { body: { id: 'rotate', start: false } });
		const oldKey: string = created.body.apiKey;
		const newKey = 'a-brand-new-session-key-42';
		const rotated = await engine.call('PATCH', '/api/sessions/rotate', { key: oldKey, body: { apiKey: newKey } });
		expect(rotated.status).toBe(200);
		expectError(await engine.call('GET', '/api/sessions/rotate', { key: oldKey }), 401, 'unauthorized');
		expect((await engine.call('GET', '/api/sessions/rotate', { key: newKey })).status).toBe(200);
	});
});

describe('sessions', () => {
	it('creates, lists, gets and deletes a session', async () => {
		const created = await engine.call('POST', '/api/sessions', { body: { id: 'crud', name: 'Shop line', start: false } });
		expect(created.status).toBe(201);
		expect(created.body.session).toMatchObject({ id: 'crud', name: 'Shop line', paired: false, status: { state: 'stopped' } });
		expect(created.body.apiKey).toEqual(expect.any(String));

		const list = await engine.call('GET', '/api/sessions');
		expect(list.body.map((s: { id: string }) => s.id)).toContain('crud');
		expect((await engine.call('GET', '/api/sessions/crud')).body.name).toBe('Shop line');

		expect((await engine.call('DELETE', '/api/sessions/crud')).body).toEqual({ deleted: true, id: 'crud' });
		expectError(await engine.call('GET', '/api/sessions/crud'), 404, 'session_not_found');
	});

	it('refuses a duplicate id with 409', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'dup', start: false } });
		expectError(await engine.call('POST', '/api/sessions', { body: { id: 'dup', start: false } }), 409, 'session_exists');
	});

	it('reports why a session cannot connect and keeps retrying (no WhatsApp reachable)', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'offline' } });
		const session = engine.sessions.session('offline');
		await session.until(() => (session.status.retry?.attempt ?? 0) >= 2, 10_000);
		const status = await engine.call('GET', '/api/sessions/offline/status');
		expect(status.body.state).toMatch(/^(reconnecting|connecting)$/);
		expect((await engine.call('GET', '/health')).status).toBe(200);
		const failing = await engine.call('GET', '/api/sessions/offline');
		expect(failing.body.status.problem ?? status.body.problem).toMatchObject({ code: 'connection_error' });

		const stopped = await engine.call('POST', '/api/sessions/offline/disconnect');
		expect(stopped.body).toMatchObject({ state: 'stopped', problem: { code: 'disconnected' } });
	});

	it('answers 409 for a QR code of a stopped session', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'no-qr', start: false } });
		expectError(await engine.call('GET', '/api/sessions/no-qr/qr?wait=0'), 409, 'session_not_started');
	});
});

describe('bad input', () => {
	it('rejects malformed JSON with 400 invalid_json', async () => {
		const response = await engine.call('POST', '/api/sessions', { rawBody: '{"id": ', headers: { 'content-type': 'application/json' } });
		expectError(response, 400, 'invalid_json');
	});

	it('rejects wrong types with the zod issues', async () => {
		const response = await engine.call('POST', '/api/sessions', { body: { id: 42, start: 'yes' } });
		expectError(response, 400, 'invalid_request');
		const paths = response.body.error.details.map((d: { path: string[] }) => d.path.join('.'));
		expect(paths).toEqual(expect.arrayContaining(['id', 'start']));
	});

	it('rejects unknown fields', async () => {
		const response = await engine.call('POST', '/api/sessions', { body: { id: 'x1', colour: 'red' } });
		expectError(response, 400, 'invalid_request');
		expect(response.body.error.message).toContain('colour');
	});

	it('rejects an oversize body with 413', async () => {
		const response = await engine.call('POST', '/api/sessions', { body: { id: 'big', name: 'n'.repeat(100_000) } });
		expectError(response, 413, 'payload_too_large');
	});

	it('rejects a non-JSON body with 415', async () => {
		const response = await engine.call('POST', '/api/sessions', { rawBody: 'id=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expectError(response, 415, 'unsupported_media_type');
	});

	it.each(['..%2F..%2Fetc', 'a%00b', 'with%20space', '-leading-dash', '.hidden', 'x'.repeat(65)])('rejects the session id %s with 400', async (id) => {
		expectError(await engine.call('GET', `/api/sessions/${id}/status`), 400, 'invalid_request');
	});

	it('answers 404 for an unknown session and an unknown route', async () => {
		expectError(await engine.call('GET', '/api/sessions/ghost/status'), 404, 'session_not_found');
		expectError(await engine.call('GET', '/api/nothing-here'), 404, 'route_not_found');
	});

	it('keeps the engine healthy after all of that', async () => {
		expect((await engine.call('GET', '/health')).status).toBe(200);
	});
});

describe('documentation', () => {
	it('publishes an OpenAPI document with every operation and its schemas', async () => {
		const { body } = await engine.call('GET', '/openapi.json', { key: null });
		expect(body.openapi).toBe('3.1.0');
		const create = body.paths['/api/sessions'].post;
		expect(create.operationId).toBe('instance.createInstance');
		expect(create.requestBody.content['application/json'].schema.properties).toHaveProperty('apiKey');
		expect(body.paths['/api/sessions/{session}/qr'].get.responses['200'].content).toHaveProperty('image/png');
		const ids = Object.values(body.paths).flatMap((methods: any) => Object.values(methods).map((op: any) => op.operationId));
		expect(ids).toEqual(expect.arrayContaining(['session.connect', 'session.logout', 'session.getSessionStatus', 'session.loginWithPairingCode']));
	});

	it('serves a readable docs page', async () => {
		const response = await fetch(`${engine.url}/docs`);
		expect(response.headers.get('content-type')).toContain('text/html');
		const html = await response.text();
		expect(html).toContain('/api/sessions/{session}/connect');
	});
});

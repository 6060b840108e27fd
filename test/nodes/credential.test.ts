import { testCredential } from '../../runner/dist/index.js';
import { ADMIN_KEY, type TestEngine } from '../helpers/engine.js';
import { PACKAGE_DIR, startEngine } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(async () => {
	await engine.dispose();
});

const test = (data: Record<string, string>) => testCredential([PACKAGE_DIR], 'whatsAppEngineApi', data);

describe('WhatsApp Engine API credential › test request', () => {
	it('succeeds with the admin key (GET /api/sessions answers 200)', async () => {
		expect(await test({ baseUrl: engine.url, apiKey: ADMIN_KEY })).toEqual({ status: 'OK', message: expect.any(String), statusCode: 200 });
	});

	it('accepts a base URL with a trailing slash', async () => {
		expect((await test({ baseUrl: `${engine.url}/`, apiKey: ADMIN_KEY })).status).toBe('OK');
	});

	it('fails with a wrong key (401), where /health would have passed', async () => {
		expect((await engine.call('GET', '/health', { key: 'wrong-key-wrong-key' })).status).toBe(200);
		expect(await test({ baseUrl: engine.url, apiKey: 'wrong-key-wrong-key' })).toMatchObject({ status: 'Error', statusCode: 401 });
	});

	it("succeeds with a session's own key, which lists just its session", async () => {
		const created = await engine.call('POST', '/api/sessions', { body: { id: 'cred-own', start: false } });
		expect(await test({ baseUrl: engine.url, apiKey: created.body.apiKey })).toMatchObject({ status: 'OK', statusCode: 200 });
	});
});

import type { TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById, startEngine } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startEngine();
	await engine.call('POST', '/api/sessions', { body: { id: 'msg-offline', start: false } });
});
afterAll(async () => {
	await engine.dispose();
});

describe('WhatsApp node › message', () => {
	it('sendText on a session that is not connected fails with the engine\'s 409 message', async () => {
		const body = { to: '+49 151 2345678', text: 'Hello' };
		const engineAnswer = await engine.call('POST', '/api/sessions/msg-offline/messages/text', { body });
		expect(engineAnswer.status).toBe(409);

		const result = await runNode(engine, { resource: 'message', operation: 'sendText', session: sessionById('msg-offline'), ...body });
		expect(result.run.status).toBe('error');
		expect(runError(result)).toMatchObject({ name: 'NodeApiError', httpCode: '409', message: engineAnswer.body.error.message });
		expect(runError(result)?.message).toContain('msg-offline');
	});

	it('passes the recipient to the engine, which rejects one that is neither a number nor a JID (400)', async () => {
		const engineAnswer = await engine.call('POST', '/api/sessions/msg-offline/messages/text', { body: { to: 'not a number', text: 'x' } });
		expect(engineAnswer.status).toBe(400);
		const result = await runNode(engine, { resource: 'message', operation: 'sendText', session: sessionById('msg-offline'), to: 'not a number', text: 'x' });
		expect(result.run.status).toBe('error');
		expect(runError(result)).toMatchObject({ httpCode: '400', message: engineAnswer.body.error.message });
	});
});

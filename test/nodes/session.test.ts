import type { TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById, startEngine } from './helpers.js';

let engine: TestEngine;
beforeAll(async () => {
	engine = await startEngine();
});
afterAll(async () => {
	await engine.dispose();
});

const createStopped = async (id: string) => {
	const created = await engine.call('POST', '/api/sessions', { body: { id, start: false } });
	expect(created.status).toBe(201);
};

describe('WhatsApp node › session', () => {
	it('gets the status of a session that was never started', async () => {
		await createStopped('sess-status');
		const result = await runNode(engine, { resource: 'session', operation: 'getSessionStatus', session: sessionById('sess-status') });
		expect(result.run.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([{ state: 'stopped' }]);
	});

	it('connects a session, then disconnects it keeping the credentials', async () => {
		await createStopped('sess-connect');
		const connected = await runNode(engine, { resource: 'session', operation: 'connect', session: sessionById('sess-connect') });
		expect(connected.run.status).toBe('success');
		// WhatsApp is unreachable in this engine, so the session is trying: anything but stopped
		expect(connected.items[0].json.state).not.toBe('stopped');
		expect((await engine.call('GET', '/api/sessions/sess-connect/status')).body.state).not.toBe('stopped');

		const disconnected = await runNode(engine, { resource: 'session', operation: 'disconnect', session: sessionById('sess-connect') });
		expect(disconnected.run.status).toBe('success');
		expect(disconnected.items[0].json).toMatchObject({ state: 'stopped', problem: { code: 'disconnected' } });
		expect((await engine.call('GET', '/api/sessions/sess-connect/status')).body.state).toBe('stopped');
	});

	it('fails getQrCode on a stopped session with a NodeApiError carrying the engine\'s 409 message', async () => {
		await createStopped('sess-qr');
		const engineAnswer = await engine.call('GET', '/api/sessions/sess-qr/qr?wait=0');
		expect(engineAnswer.status).toBe(409);

		const result = await runNode(engine, { resource: 'session', operation: 'getQrCode', session: sessionById('sess-qr'), options: { wait: 0 } });
		expect(result.run.status).toBe('error');
		expect(result.items).toEqual([]);
		expect(runError(result)).toMatchObject({
			name: 'NodeApiError',
			message: engineAnswer.body.error.message,
			httpCode: '409',
			description: `Engine error code: ${engineAnswer.body.error.code}`,
		});
	});

	it('with "Continue On Fail", turns the same failure into an item with the error', async () => {
		await createStopped('sess-qr-continue');
		const result = await runNode(
			engine,
			{ resource: 'session', operation: 'getQrCode', session: sessionById('sess-qr-continue'), options: { wait: 0 } },
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(result.run.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { error: 'The session is stopped; connect it first.', httpCode: '409', code: 'session_not_started' }, pairedItem: { item: 0 } },
		]);
	});

	it('reads the engine\'s JSON error also when the image was asked for', async () => {
		await createStopped('sess-qr-image');
		const result = await runNode(engine, {
			resource: 'session',
			operation: 'getQrCode',
			session: sessionById('sess-qr-image'),
			asImage: true,
			binaryPropertyName: 'qr',
			options: { wait: 0 },
		});
		expect(result.run.status).toBe('error');
		expect(runError(result)).toMatchObject({ name: 'NodeApiError', httpCode: '409', message: 'The session is stopped; connect it first.' });
	});

	it('logs a session out', async () => {
		await createStopped('sess-logout');
		const result = await runNode(engine, { resource: 'session', operation: 'logout', session: sessionById('sess-logout') });
		expect(result.run.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ state: 'logged_out' });
	});

	it('refuses a malformed pairing-code phone number with the engine\'s 400 message', async () => {
		await createStopped('sess-pair');
		const engineAnswer = await engine.call('POST', '/api/sessions/sess-pair/pairing-code', { body: { phone: 'abc' } });
		expect(engineAnswer.status).toBe(400);
		const result = await runNode(engine, { resource: 'session', operation: 'loginWithPairingCode', session: sessionById('sess-pair'), phone: 'abc' });
		expect(result.run.status).toBe('error');
		expect(runError(result)).toMatchObject({ name: 'NodeApiError', httpCode: '400', message: engineAnswer.body.error.message });
	});
});

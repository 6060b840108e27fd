import { Boom } from '@hapi/boom';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { z } from 'zod';
import { errorHandler } from '../../../engine/src/api/errors.js';
import { notSupported } from '../../../engine/src/lib/errors.js';

/** A bare express app whose routes throw what handlers may throw, behind the engine's error middleware. */
async function serve(thrown: Record<string, () => unknown>) {
	const app = express();
	for (const [path, fail] of Object.entries(thrown)) {
		app.get(`/${path}`, () => {
			throw fail();
		});
	}
	app.use(errorHandler(pino({ level: 'silent' })));
	const server = app.listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		get: async (path: string) => {
			const response = await fetch(`${base}/${path}`);
			return { status: response.status, body: await response.json() };
		},
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

describe('error middleware', () => {
	it('maps every kind of failure onto the one JSON error shape with the right status', async () => {
		const app = await serve({
			refused: () => new Boom('not-authorized', { statusCode: 401 }),
			timeout: () => new Boom('Timed Out', { statusCode: 408 }),
			unsupported: () => notSupported('WhatsApp has no way to delete a group.'),
			invalid: () => z.object({ n: z.number() }).parse({ n: 'x' }),
			bug: () => new TypeError('cannot read properties of undefined'),
		});
		try {
			expect(await app.get('refused')).toEqual({
				status: 502,
				body: { error: { code: 'whatsapp_error', message: 'WhatsApp refused the request: not-authorized' } },
			});
			expect(await app.get('timeout')).toMatchObject({ status: 504, body: { error: { code: 'whatsapp_timeout' } } });
			expect(await app.get('unsupported')).toEqual({
				status: 422,
				body: { error: { code: 'not_supported', message: 'WhatsApp has no way to delete a group.' } },
			});
			const invalid = await app.get('invalid');
			expect(invalid.status).toBe(400);
			expect(invalid.body.error.details[0].path).toEqual(['n']);
			// An unexpected error says nothing of its internals.
			expect(await app.get('bug')).toEqual({
				status: 500,
				body: { error: { code: 'internal_error', message: 'The engine failed to handle this request; see its log.' } },
			});
		} finally {
			await app.close();
		}
	});
});

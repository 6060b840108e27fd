import { z } from 'zod';
import { conflict } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'loginWithPairingCode',
	summary: 'Link the session by typing a code on the phone instead of scanning a QR code',
	description: 'On the phone: Linked devices → Link a device → Link with phone number instead, then type the code.',
	method: 'post',
	path: '/api/sessions/{session}/pairing-code',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			phone: z
				.string()
				.transform((raw) => raw.replace(/[\s()+.-]/g, ''))
				.pipe(z.string().regex(/^\d{7,15}$/, 'the phone number with country code, digits only'))
				.describe('Phone number of the account to link, with country code, e.g. +49 151 2345678'),
		})
		.strict(),
	response: { schema: z.object({ code: z.string().describe('8 characters, e.g. ABCD1234') }) },
	handler: async ({ params, body, services }) => {
		try {
			return { code: await services.sessions.requestPairingCode(params.session, body.phone) };
		} catch (error) {
			if ((error as { code?: string }).code === 'already_paired') throw conflict('already_paired', (error as Error).message);
			throw error;
		}
	},
});

import QRCode from 'qrcode';
import { z } from 'zod';
import { conflict } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'getQrCode',
	summary: 'The current pairing QR code: raw string and PNG',
	description:
		'Waits up to `wait` seconds for a code while the session is connecting. `format=png` answers with the image itself. Codes rotate (60 s, then 20 s each); fetch again after `expiresAt`.',
	method: 'get',
	path: '/api/sessions/{session}/qr',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		format: z.enum(['json', 'png']).default('json'),
		wait: z.coerce.number().int().min(0).max(60).default(10).describe('Seconds to wait for a code'),
	}),
	response: {
		schema: z.object({
			value: z.string().describe('Encode this string as a QR code (or use dataUrl)'),
			expiresAt: z.number().int(),
			dataUrl: z.string().describe('data:image/png;base64,...'),
		}),
		binary: ['image/png'],
	},
	handler: async ({ params, query, services }) => {
		const session = services.sessions.session(params.session);
		const waiting = () => ['connecting', 'reconnecting', 'awaiting_qr'].includes(session.status.state);
		if (!session.qr && waiting() && query.wait > 0) {
			await session.until(() => session.qr !== undefined || !waiting(), query.wait * 1000).catch(() => undefined);
		}
		const qr = session.qr;
		if (!qr) {
			const state = session.status.state;
			if (state === 'connected') throw conflict('already_paired', 'The session is already linked to a phone; no QR code is needed.');
			if (state === 'stopped' || state === 'logged_out' || state === 'failed') {
				throw conflict('session_not_started', `The session is ${state}; connect it first.`);
			}
			throw conflict('qr_not_ready', `No QR code yet (session is ${state}); try again shortly.`);
		}
		if (query.format === 'png') {
			return { binary: await QRCode.toBuffer(qr.value, { type: 'png', margin: 2, width: 320 }), mimeType: 'image/png', fileName: 'qr.png' };
		}
		return { value: qr.value, expiresAt: qr.expiresAt, dataUrl: await QRCode.toDataURL(qr.value, { margin: 2, width: 320 }) };
	},
});

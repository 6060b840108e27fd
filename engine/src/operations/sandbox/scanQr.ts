import { z } from 'zod';
import { conflict } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { sandboxOf } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'scanQr',
	summary: "Let a simulated phone scan the session's current QR code",
	description: 'Links the session to a simulated account, exactly as a phone scanning the QR code would. The session then reconnects by itself and becomes connected.',
	method: 'post',
	path: '/api/sandbox/sessions/{session}/scan',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			phone: z.string().regex(/^\+?\d{5,15}$/).optional().describe("The simulated phone's number; made up when omitted"),
			name: z.string().min(1).max(100).optional(),
		})
		.strict(),
	response: { schema: z.object({ phone: z.string(), jid: z.string(), lid: z.string() }) },
	handler: async ({ params, body, services }) => {
		const sandbox = sandboxOf(services);
		const session = services.sessions.session(params.session);
		const waiting = () => ['connecting', 'reconnecting', 'awaiting_qr'].includes(session.status.state);
		if (!session.qr && waiting()) await session.until(() => session.qr !== undefined || !waiting(), 10_000).catch(() => undefined);
		const qr = session.qr;
		if (!qr) throw conflict('qr_not_ready', `Session "${params.session}" shows no QR code (it is ${session.status.state}); connect it first.`);
		return sandbox.scanQr(qr.value, { ...body, phone: body.phone?.replace('+', '') });
	},
});

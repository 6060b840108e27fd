import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { okResult, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'presence',
	name: 'sendPresence',
	summary: 'Set this account online or offline',
	description: 'While "available", the phone may not show notifications for new messages.',
	method: 'post',
	path: '/api/sessions/{session}/presence',
	scope: 'session',
	params: sessionParams,
	body: z.object({ type: z.enum(['available', 'unavailable']) }).strict(),
	response: { status: 200, schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).messages.presence(body.type);
		return { ok: true as const, type: body.type };
	},
});

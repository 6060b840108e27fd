import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { okResult, recipient, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'presence',
	name: 'sendChatPresence',
	summary: 'Show or stop "typing…" / "recording audio…" in a chat',
	method: 'post',
	path: '/api/sessions/{session}/chat-presence',
	scope: 'session',
	params: sessionParams,
	body: z.object({ to: recipient, state: z.enum(['composing', 'recording', 'paused']).describe('composing = typing; paused stops it') }).strict(),
	response: { status: 200, schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).messages.chatPresence(body.to, body.state);
		return { ok: true as const, to: body.to, state: body.state };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { messageParams, okResult, recipient } from '../schemas.js';

export default defineOperation({
	resource: 'messageAction',
	name: 'starMessage',
	summary: 'Star or unstar a message',
	description: 'An app-state change: needs the sync key the phone shares after linking (422 without it).',
	method: 'post',
	path: '/api/sessions/{session}/messages/{messageId}/star',
	scope: 'session',
	params: messageParams,
	body: z
		.object({
			chat: recipient,
			star: z.boolean().default(true).describe('false unstars'),
			fromMe: z.boolean().optional().describe('Whether this account sent the message (taken from the engine when it remembers it)'),
		})
		.strict(),
	response: { status: 200, schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).messages.star(body.chat, params.messageId, body.star, { fromMe: body.fromMe });
		return { ok: true as const, id: params.messageId, chat: body.chat, starred: body.star };
	},
});

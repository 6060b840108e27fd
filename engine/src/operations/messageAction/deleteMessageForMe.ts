import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { messageParams, okResult, recipient } from '../schemas.js';

export default defineOperation({
	resource: 'messageAction',
	name: 'deleteMessageForMe',
	summary: "Delete a message on this account's devices only",
	description:
		'Needs the message timestamp, so only recent messages the engine remembers (404 otherwise), and the app-state sync key the phone shares after linking (422 without it).',
	method: 'post',
	path: '/api/sessions/{session}/messages/{messageId}/delete-for-me',
	scope: 'session',
	params: messageParams,
	body: z.object({ chat: recipient, deleteMedia: z.boolean().optional().describe('Also delete the media file from the devices') }).strict(),
	response: { status: 200, schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).messages.deleteForMe(body.chat, params.messageId, Boolean(body.deleteMedia));
		return { ok: true as const, id: params.messageId, chat: body.chat };
	},
});

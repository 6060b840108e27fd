import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { actionResult, messageParams, recipient } from '../schemas.js';

export default defineOperation({
	resource: 'messageAction',
	name: 'editMessage',
	summary: 'Edit the text of a message this account sent',
	description: 'WhatsApp allows edits for about 15 minutes after sending.',
	method: 'post',
	path: '/api/sessions/{session}/messages/{messageId}/edit',
	scope: 'session',
	params: messageParams,
	body: z.object({ chat: recipient, text: z.string().min(1).max(65_536) }).strict(),
	response: { status: 200, schema: actionResult },
	handler: async ({ params, body, services }) => {
		const sent = await services.sessions.session(params.session).messages.edit(body.chat, params.messageId, body.text);
		return { ...sent, targetId: params.messageId, chat: body.chat };
	},
});

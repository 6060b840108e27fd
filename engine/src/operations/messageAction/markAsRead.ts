import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { messageId, okResult, recipient, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'messageAction',
	name: 'markAsRead',
	summary: 'Send read receipts (blue ticks) for messages of a chat',
	method: 'post',
	path: '/api/sessions/{session}/messages/read',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			chat: recipient,
			messageIds: z.array(messageId).min(1).max(100),
			sender: recipient.optional().describe("The messages' author, in groups"),
		})
		.strict(),
	response: { status: 200, schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).messages.receipt(body.chat, body.messageIds, 'read', body.sender);
		return { ok: true as const, chat: body.chat, messageIds: body.messageIds };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { actionResult, messageParams, recipient } from '../schemas.js';

export default defineOperation({
	resource: 'messageAction',
	name: 'revokeMessage',
	summary: 'Delete a message for everyone',
	description: "Own messages within WhatsApp's time limit; someone else's only in a group where this account is admin.",
	method: 'post',
	path: '/api/sessions/{session}/messages/{messageId}/revoke',
	scope: 'session',
	params: messageParams,
	body: z
		.object({
			chat: recipient,
			fromMe: z.boolean().optional().describe('Whether this account sent the message (default true; taken from the engine when it remembers the message)'),
			participant: recipient.optional().describe("The message's author, for others' messages in groups"),
		})
		.strict(),
	response: { status: 200, schema: actionResult },
	handler: async ({ params, body, services }) => {
		const sent = await services.sessions.session(params.session).messages.revoke(body.chat, params.messageId, { fromMe: body.fromMe, participant: body.participant });
		return { ...sent, targetId: params.messageId, chat: body.chat };
	},
});

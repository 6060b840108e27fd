import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { actionResult, messageParams, recipient } from '../schemas.js';

export default defineOperation({
	resource: 'messageAction',
	name: 'reactToMessage',
	summary: 'React to a message with an emoji (empty emoji removes the reaction)',
	method: 'post',
	path: '/api/sessions/{session}/messages/{messageId}/reaction',
	scope: 'session',
	params: messageParams,
	body: z
		.object({
			chat: recipient,
			emoji: z.string().max(32).describe('One emoji; empty removes this account\'s reaction'),
			fromMe: z.boolean().optional().describe('Whether this account sent the message (default false; taken from the engine when it remembers the message)'),
			participant: recipient.optional().describe("The message's author in groups"),
		})
		.strict(),
	response: { status: 200, schema: actionResult },
	handler: async ({ params, body, services }) => {
		const sent = await services.sessions.session(params.session).messages.react(body.chat, params.messageId, body.emoji, { fromMe: body.fromMe, participant: body.participant });
		return { ...sent, targetId: params.messageId, chat: body.chat };
	},
});

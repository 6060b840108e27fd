import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sentMessage, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'message',
	name: 'sendText',
	summary: 'Send a text message',
	method: 'post',
	path: '/api/sessions/{session}/messages/text',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(65_536),
			mentions: z.array(recipient).max(1024).optional().describe('People to @mention; put @<number> in the text too'),
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const sent = await services.sessions.session(params.session).send(body.to, { kind: 'text', text: body.text, mentions: body.mentions });
		return { ...sent, to: body.to };
	},
});

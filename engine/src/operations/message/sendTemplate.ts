import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { RENDERING_CAVEAT, templateButton } from './interactive.js';

export default defineOperation({
	resource: 'message',
	name: 'sendTemplate',
	summary: 'Send a legacy template message with quick-reply, URL and call buttons (deprecated; rarely rendered)',
	description: `WhatsApp has deprecated hydrated templates; most phones no longer show them. ${RENDERING_CAVEAT}`,
	method: 'post',
	path: '/api/sessions/{session}/messages/template',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(1024),
			title: z.string().max(60).optional(),
			footer: z.string().max(60).optional(),
			buttons: z.array(templateButton).min(1).max(5),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) =>
		sendAndAnswer(
			services,
			params.session,
			body.to,
			{ kind: 'template', text: body.text, title: body.title, footer: body.footer, buttons: body.buttons },
			body,
		),
});

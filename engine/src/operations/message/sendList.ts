import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { RENDERING_CAVEAT } from './interactive.js';

export default defineOperation({
	resource: 'message',
	name: 'sendList',
	summary: 'Send a single-choice list message (may not render on phones)',
	description: `A list of options behind a button; a choice comes back as a list response. ${RENDERING_CAVEAT}`,
	method: 'post',
	path: '/api/sessions/{session}/messages/list',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(1024),
			title: z.string().max(60).optional(),
			footer: z.string().max(60).optional(),
			buttonText: z.string().min(1).max(20).describe('Label of the button that opens the list'),
			sections: z
				.array(
					z
						.object({
							title: z.string().max(24).optional(),
							rows: z.array(z.object({ id: z.string().min(1).max(200), title: z.string().min(1).max(24), description: z.string().max(72).optional() }).strict()).min(1).max(10),
						})
						.strict(),
				)
				.min(1)
				.max(10),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) =>
		sendAndAnswer(
			services,
			params.session,
			body.to,
			{ kind: 'list', text: body.text, title: body.title, footer: body.footer, buttonText: body.buttonText, sections: body.sections },
			body,
		),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { RENDERING_CAVEAT, button, headerMedia, loadHeader, toButtons } from './interactive.js';

export default defineOperation({
	resource: 'message',
	name: 'sendButtons',
	summary: 'Send a message with reply, URL, call or copy buttons (may not render on phones)',
	description: `An interactive native-flow message with up to 10 buttons and an optional media header. ${RENDERING_CAVEAT}`,
	method: 'post',
	path: '/api/sessions/{session}/messages/buttons',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(1024),
			title: z.string().max(60).optional(),
			footer: z.string().max(60).optional(),
			header: headerMedia.optional(),
			buttons: z.array(button).min(1).max(10),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const header = await loadHeader(body.header, services, params.session);
		return sendAndAnswer(
			services,
			params.session,
			body.to,
			{ kind: 'buttons', text: body.text, title: body.title, footer: body.footer, header, buttons: toButtons(body.buttons) },
			body,
		);
	},
});

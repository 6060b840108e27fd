import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { RENDERING_CAVEAT, headerMedia, loadHeader } from './interactive.js';

export default defineOperation({
	resource: 'message',
	name: 'sendNativeFlow',
	summary: 'Send a native-flow interactive message with raw flow buttons (may not render on phones)',
	description: `Each button is a native-flow name (quick_reply, cta_url, single_select, galaxy_message, …) with its parameters object. Real WhatsApp Flows belong to the Cloud API. ${RENDERING_CAVEAT}`,
	method: 'post',
	path: '/api/sessions/{session}/messages/native-flow',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(1024),
			title: z.string().max(60).optional(),
			footer: z.string().max(60).optional(),
			header: headerMedia.optional(),
			buttons: z
				.array(z.object({ name: z.string().regex(/^[a-z_]{1,64}$/, 'a native-flow button name, e.g. quick_reply'), params: z.record(z.string(), z.unknown()).default({}) }).strict())
				.min(1)
				.max(10),
			messageParams: z.record(z.string(), z.unknown()).optional(),
			messageVersion: z.number().int().min(1).max(10).optional(),
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
			{
				kind: 'nativeFlow',
				text: body.text,
				title: body.title,
				footer: body.footer,
				header,
				buttons: body.buttons.map((b) => ({ name: b.name, params: b.params })),
				messageParams: body.messageParams,
				messageVersion: body.messageVersion,
			},
			body,
		);
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mentionsField, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { buildLinkPreview } from './link-preview.js';

export default defineOperation({
	resource: 'message',
	name: 'sendText',
	summary: 'Send a text message',
	description: 'Optionally as a reply, with mentions, forwarded flag, disappearing timer and a link preview of the first URL.',
	method: 'post',
	path: '/api/sessions/{session}/messages/text',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(65_536),
			mentions: mentionsField,
			linkPreview: z.boolean().optional().describe('Show a preview of the first URL in the text (the engine fetches the page; public URLs only). Default off'),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const linkPreview = body.linkPreview ? ((await buildLinkPreview(body.text, services)) ?? null) : null;
		return sendAndAnswer(services, params.session, body.to, { kind: 'text', text: body.text, mentions: body.mentions, linkPreview }, body);
	},
});

import { z } from 'zod';
import { badRequest } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { buildLinkPreview } from './link-preview.js';

export default defineOperation({
	resource: 'message',
	name: 'sendLink',
	summary: 'Send a link with a rich preview and an optional caption',
	description: 'The engine fetches the page for the preview title and description (public URLs only).',
	method: 'post',
	path: '/api/sessions/{session}/messages/link',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			link: z.string().max(4096).regex(/^https?:\/\/\S+$/i, 'an http(s) URL'),
			caption: z.string().max(4096).optional(),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const text = body.caption ? `${body.caption}\n${body.link}` : body.link;
		const linkPreview = await buildLinkPreview(body.link, services);
		if (!linkPreview) throw badRequest('link is not an http(s) URL.');
		return sendAndAnswer(services, params.session, body.to, { kind: 'text', text, linkPreview }, body);
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput, mentionsField, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendImage',
	summary: 'Send an image with an optional caption',
	description: 'Image as base64, an http(s) URL or an uploaded media id; optionally view-once.',
	method: 'post',
	path: '/api/sessions/{session}/messages/image',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			image: mediaInput,
			caption: z.string().max(65_536).optional(),
			mentions: mentionsField,
			viewOnce: z.boolean().optional().describe('The recipient can open it once'),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.image, services, params.session);
		return sendAndAnswer(services, params.session, body.to, { kind: 'image', media, caption: body.caption, mentions: body.mentions, viewOnce: body.viewOnce }, body);
	},
});

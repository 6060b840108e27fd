import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput, recipient, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';

export default defineOperation({
	resource: 'message',
	name: 'sendImage',
	summary: 'Send an image with an optional caption',
	method: 'post',
	path: '/api/sessions/{session}/messages/image',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			image: mediaInput,
			caption: z.string().max(65_536).optional(),
			mentions: z.array(recipient).max(1024).optional(),
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.image, services);
		const sent = await services.sessions
			.session(params.session)
			.send(body.to, { kind: 'image', media, caption: body.caption, mentions: body.mentions });
		return { ...sent, to: body.to };
	},
});

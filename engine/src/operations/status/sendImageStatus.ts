import { z } from 'zod';
import { loadMedia } from '../media.js';
import { defineOperation } from '../registry.js';
import { mediaInput, sessionParams } from '../schemas.js';
import { postStatus, recipientsField, sentStatus } from './common.js';

export default defineOperation({
	resource: 'status',
	name: 'sendImageStatus',
	summary: 'Post an image status with an optional caption',
	description:
		"Image as base64, an http(s) URL, an uploaded media id or a multipart file part named `image`. Encrypted for the devices of `recipients`, or of the session's stored contacts when omitted (422 when there is nobody).",
	method: 'post',
	path: '/api/sessions/{session}/statuses/image',
	scope: 'session',
	params: sessionParams,
	body: z.object({ image: mediaInput, caption: z.string().max(1024).optional(), recipients: recipientsField }).strict(),
	response: { status: 201, schema: sentStatus },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.image, services, params.session);
		return postStatus(services, params.session, { kind: 'image', media, caption: body.caption }, body.recipients);
	},
});

import { z } from 'zod';
import { loadMedia } from '../media.js';
import { defineOperation } from '../registry.js';
import { mediaInput, sessionParams } from '../schemas.js';
import { postStatus, recipientsField, sentStatus } from './common.js';

export default defineOperation({
	resource: 'status',
	name: 'sendVideoStatus',
	summary: 'Post a video status with an optional caption',
	description:
		"MP4 (H.264/AAC) as base64, an http(s) URL, an uploaded media id or a multipart file part named `video`. Encrypted for the devices of `recipients`, or of the session's stored contacts when omitted (422 when there is nobody).",
	method: 'post',
	path: '/api/sessions/{session}/statuses/video',
	scope: 'session',
	params: sessionParams,
	body: z.object({ video: mediaInput, caption: z.string().max(1024).optional(), recipients: recipientsField }).strict(),
	response: { status: 201, schema: sentStatus },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.video, services, params.session);
		return postStatus(services, params.session, { kind: 'video', media, caption: body.caption }, body.recipients);
	},
});

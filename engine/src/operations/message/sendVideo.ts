import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput, mentionsField, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendVideo',
	summary: 'Send a video with an optional caption',
	description: 'MP4 (H.264/AAC) plays everywhere; the engine does not transcode. Optionally view-once or as a looping GIF.',
	method: 'post',
	path: '/api/sessions/{session}/messages/video',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			video: mediaInput,
			caption: z.string().max(65_536).optional(),
			mentions: mentionsField,
			viewOnce: z.boolean().optional(),
			gifPlayback: z.boolean().optional().describe('Play muted in a loop, like a GIF'),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.video, services, params.session);
		return sendAndAnswer(
			services,
			params.session,
			body.to,
			{ kind: 'video', media, caption: body.caption, mentions: body.mentions, viewOnce: body.viewOnce, gifPlayback: body.gifPlayback },
			body,
		);
	},
});

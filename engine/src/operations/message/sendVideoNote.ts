import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendVideoNote',
	summary: 'Send a round video note (PTV)',
	description: 'A short square MP4 works best; the engine does not crop or transcode.',
	method: 'post',
	path: '/api/sessions/{session}/messages/video-note',
	scope: 'session',
	params: sessionParams,
	body: z.object({ to: recipient, video: mediaInput, ...sendOptionsShape }).strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.video, services, params.session);
		return sendAndAnswer(services, params.session, body.to, { kind: 'videoNote', media }, body);
	},
});

import { z } from 'zod';
import { loadMedia } from '../media.js';
import { defineOperation } from '../registry.js';
import { mediaInput, sessionParams } from '../schemas.js';
import { hexColor, postStatus, recipientsField, sentStatus } from './common.js';

export default defineOperation({
	resource: 'status',
	name: 'sendAudioStatus',
	summary: 'Post an audio or voice-note status',
	description:
		"Audio as base64, an http(s) URL, an uploaded media id or a multipart file part named `audio`. Encrypted for the devices of `recipients`, or of the session's stored contacts when omitted (422 when there is nobody).",
	method: 'post',
	path: '/api/sessions/{session}/statuses/audio',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			audio: mediaInput,
			voiceNote: z.boolean().default(false).describe('Send as a voice note (PTT, OGG/Opus)'),
			backgroundColor: hexColor.optional().describe('#RRGGBB or #AARRGGBB behind a voice note; WhatsApp shows none behind other audio'),
			recipients: recipientsField,
		})
		.strict()
		.refine((b) => b.voiceNote || b.backgroundColor === undefined, { message: 'backgroundColor needs voiceNote: true', path: ['backgroundColor'] }),
	response: { status: 201, schema: sentStatus },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.audio, services, params.session);
		return postStatus(services, params.session, { kind: 'audio', media, voiceNote: body.voiceNote, backgroundColor: body.backgroundColor }, body.recipients);
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendAudio',
	summary: 'Send an audio file or a voice note',
	description: 'Voice notes should be OGG/Opus (the engine does not transcode); other audio is sent as a file to play.',
	method: 'post',
	path: '/api/sessions/{session}/messages/audio',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			audio: mediaInput,
			voiceNote: z.boolean().optional().describe('Send as a voice note (push-to-talk)'),
			seconds: z.number().int().min(0).max(86_400).optional().describe('Duration, when known'),
			viewOnce: z.boolean().optional(),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.audio, services, params.session);
		return sendAndAnswer(services, params.session, body.to, { kind: 'audio', media, voiceNote: body.voiceNote, seconds: body.seconds, viewOnce: body.viewOnce }, body);
	},
});

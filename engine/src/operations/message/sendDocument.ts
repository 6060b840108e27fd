import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput, mentionsField, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendDocument',
	summary: 'Send any file as a document',
	method: 'post',
	path: '/api/sessions/{session}/messages/document',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			document: mediaInput,
			fileName: z.string().min(1).max(255).optional().describe('Shown to the recipient; defaults to the media file name'),
			caption: z.string().max(65_536).optional(),
			mentions: mentionsField,
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.document, services, params.session);
		const fileName = body.fileName ?? media.fileName ?? 'file';
		return sendAndAnswer(services, params.session, body.to, { kind: 'document', media: { ...media, fileName }, caption: body.caption, mentions: body.mentions }, body);
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { messageParams, recipient } from '../schemas.js';

export default defineOperation({
	resource: 'media',
	name: 'downloadMedia',
	summary: 'Download the media of a received or sent message',
	description: 'Answers with the decrypted file, its MIME type and file name. Only recent messages the engine remembers (404 otherwise).',
	method: 'get',
	path: '/api/sessions/{session}/messages/{messageId}/media',
	scope: 'session',
	params: messageParams,
	query: z.object({ chat: recipient }),
	response: { status: 200, binary: ['application/octet-stream'] },
	handler: async ({ params, query, services }) => {
		const file = await services.sessions.session(params.session).messages.downloadMedia(query.chat, params.messageId, services.sandbox?.mediaDownloadOptions() ?? {});
		return { binary: file.data, mimeType: file.mimetype, fileName: file.fileName };
	},
});

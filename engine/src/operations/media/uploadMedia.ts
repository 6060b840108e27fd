import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { loadMedia, mediaInput } from '../media.js';
import { sessionParams } from '../schemas.js';
import { storeUpload } from './upload-store.js';

export default defineOperation({
	resource: 'media',
	name: 'uploadMedia',
	summary: 'Upload a file once and send it later by its media id',
	description: 'The engine keeps the file in memory for an hour; pass {"mediaId": …} as the media of any send.',
	method: 'post',
	path: '/api/sessions/{session}/media',
	scope: 'session',
	params: sessionParams,
	body: z.object({ media: mediaInput }).strict(),
	response: {
		status: 201,
		schema: z
			.object({
				mediaId: z.string(),
				mimetype: z.string().optional(),
				fileName: z.string().optional(),
				size: z.number().int(),
				expiresAt: z.number().int().describe('Epoch milliseconds'),
			})
			.describe('UploadedMedia'),
	},
	handler: async ({ params, body, services }) => {
		services.sessions.record(params.session);
		const media = await loadMedia(body.media, services, params.session);
		const stored = storeUpload(params.session, media, Math.max(4 * services.config.mediaMaxBytes, 256 * 1024 * 1024));
		return { ...stored, size: media.data.length, ...(media.mimetype && { mimetype: media.mimetype }), ...(media.fileName && { fileName: media.fileName }) };
	},
});

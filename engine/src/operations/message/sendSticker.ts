import { z } from 'zod';
import { notSupported } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { mediaInput, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { loadMedia } from '../media.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendSticker',
	summary: 'Send a sticker (WebP)',
	description: 'WebP only (512×512 works best); the engine does not convert other formats.',
	method: 'post',
	path: '/api/sessions/{session}/messages/sticker',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			sticker: mediaInput,
			animated: z.boolean().optional().describe('An animated WebP'),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.sticker, services, params.session);
		const isWebp = media.data.subarray(0, 4).toString('latin1') === 'RIFF' && media.data.subarray(8, 12).toString('latin1') === 'WEBP';
		if (!isWebp) throw notSupported('WhatsApp stickers must be WebP images; convert the file first.');
		return sendAndAnswer(services, params.session, body.to, { kind: 'sticker', media: { ...media, mimetype: media.mimetype ?? 'image/webp' }, animated: body.animated }, body);
	},
});

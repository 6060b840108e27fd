import { z } from 'zod';
import { badRequest } from '../../lib/errors.js';
import { loadMedia } from '../media.js';
import { defineOperation } from '../registry.js';
import { mediaInput, okResult, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'profile',
	name: 'setProfilePicture',
	summary: "Set the account's profile picture",
	description:
		'An image as base64, an http(s) URL, an uploaded media id, or a multipart file part named `image`. It is cropped to a square and scaled to 640×640 JPEG, as WhatsApp stores it.',
	method: 'put',
	path: '/api/sessions/{session}/profile/picture',
	scope: 'session',
	params: sessionParams,
	body: z.object({ image: mediaInput }).strict(),
	response: { schema: okResult },
	handler: async ({ params, body, services }) => {
		const media = await loadMedia(body.image, services, params.session);
		if (media.mimetype && !media.mimetype.startsWith('image/')) throw badRequest(`A profile picture must be an image, not ${media.mimetype}.`);
		await services.sessions.session(params.session).profile.setPicture(media.data);
		return { ok: true as const };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput } from '../schemas.js';
import { loadPhoto } from './photo.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'setGroupPhoto',
	summary: 'Set the group photo',
	description:
		'JPEG or PNG as base64, an http(s) URL, an uploaded media id, or a multipart file part named `image`. It is cropped to a square and scaled to 640×640. Admins only when the group is locked.',
	method: 'put',
	path: '/api/sessions/{session}/groups/{group}/photo',
	scope: 'session',
	params: groupParams,
	body: z.object({ image: mediaInput }).strict(),
	response: { schema: groupOk },
	handler: async ({ params, body, services }) => {
		const image = await loadPhoto(body.image, services, params.session);
		await services.sessions.session(params.session).groups.setPhoto(params.group, image);
		return { ok: true as const, group: params.group };
	},
});

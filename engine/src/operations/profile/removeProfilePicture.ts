import { defineOperation } from '../registry.js';
import { okResult, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'profile',
	name: 'removeProfilePicture',
	summary: "Remove the account's profile picture",
	method: 'delete',
	path: '/api/sessions/{session}/profile/picture',
	scope: 'session',
	params: sessionParams,
	response: { schema: okResult },
	handler: async ({ params, services }) => {
		await services.sessions.session(params.session).profile.removePicture();
		return { ok: true as const };
	},
});

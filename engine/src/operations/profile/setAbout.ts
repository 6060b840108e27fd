import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { okResult, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'profile',
	name: 'setAbout',
	summary: "Set the account's about text",
	method: 'put',
	path: '/api/sessions/{session}/profile/about',
	scope: 'session',
	params: sessionParams,
	body: z.object({ about: z.string().min(1).max(139).describe('WhatsApp allows up to 139 characters') }).strict(),
	response: { schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).profile.setAbout(body.about);
		return { ok: true as const, about: body.about };
	},
});

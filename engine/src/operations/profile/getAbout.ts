import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'profile',
	name: 'getAbout',
	summary: "The account's own about text",
	method: 'get',
	path: '/api/sessions/{session}/profile/about',
	scope: 'session',
	params: sessionParams,
	response: {
		schema: z
			.object({
				about: z.string().nullable().describe('null when none is set'),
				setAt: z.number().int().optional().describe('When it was set, epoch ms'),
			})
			.describe('About'),
	},
	handler: ({ params, services }) => services.sessions.session(params.session).profile.about(),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'setGroupAnnounce',
	summary: 'Let only admins (or everyone) send messages',
	description: 'Needs admin rights.',
	method: 'put',
	path: '/api/sessions/{session}/groups/{group}/announce',
	scope: 'session',
	params: groupParams,
	body: z.object({ announce: z.boolean().describe('true: only admins can send') }).strict(),
	response: { schema: groupOk },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).groups.setAnnounce(params.group, body.announce);
		return { ok: true as const, group: params.group };
	},
});

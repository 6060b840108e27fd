import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'setGroupDescription',
	summary: 'Set or remove the group description',
	description: 'An empty description removes it. Admins only when the group is locked.',
	method: 'put',
	path: '/api/sessions/{session}/groups/{group}/description',
	scope: 'session',
	params: groupParams,
	body: z.object({ description: z.string().max(2048).describe('The new description; empty removes it') }).strict(),
	response: { schema: groupOk },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).groups.setDescription(params.group, body.description);
		return { ok: true as const, group: params.group };
	},
});

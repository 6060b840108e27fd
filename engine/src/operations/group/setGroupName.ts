import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'setGroupName',
	summary: 'Rename a group',
	description: 'Admins only when the group is locked.',
	method: 'put',
	path: '/api/sessions/{session}/groups/{group}/name',
	scope: 'session',
	params: groupParams,
	body: z.object({ name: z.string().trim().min(1).max(100).describe('The new group name') }).strict(),
	response: { schema: groupOk },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).groups.setSubject(params.group, body.name);
		return { ok: true as const, group: params.group };
	},
});

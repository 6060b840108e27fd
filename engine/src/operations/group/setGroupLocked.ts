import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'setGroupLocked',
	summary: 'Let only admins (or everyone) edit the group info',
	description: 'Needs admin rights. Locked: only admins change name, description, photo and disappearing messages.',
	method: 'put',
	path: '/api/sessions/{session}/groups/{group}/locked',
	scope: 'session',
	params: groupParams,
	body: z.object({ locked: z.boolean() }).strict(),
	response: { schema: groupOk },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).groups.setLocked(params.group, body.locked);
		return { ok: true as const, group: params.group };
	},
});

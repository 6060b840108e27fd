import { defineOperation } from '../registry.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'leaveGroup',
	summary: 'Leave a group',
	method: 'post',
	path: '/api/sessions/{session}/groups/{group}/leave',
	scope: 'session',
	params: groupParams,
	response: { schema: groupOk },
	handler: async ({ params, services }) => {
		await services.sessions.session(params.session).groups.leave(params.group);
		return { ok: true as const, group: params.group };
	},
});

import { defineOperation } from '../registry.js';
import { groupOk, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'removeGroupPhoto',
	summary: 'Remove the group photo',
	method: 'delete',
	path: '/api/sessions/{session}/groups/{group}/photo',
	scope: 'session',
	params: groupParams,
	response: { schema: groupOk },
	handler: async ({ params, services }) => {
		await services.sessions.session(params.session).groups.removePhoto(params.group);
		return { ok: true as const, group: params.group };
	},
});

import { defineOperation } from '../registry.js';
import { groupParams, groupView } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'getGroupInfo',
	summary: 'Get a group: name, description, settings and members',
	method: 'get',
	path: '/api/sessions/{session}/groups/{group}',
	scope: 'session',
	params: groupParams,
	response: { schema: groupView },
	handler: ({ params, services }) => services.sessions.session(params.session).groups.info(params.group),
});

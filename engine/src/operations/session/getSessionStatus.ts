import { defineOperation } from '../registry.js';
import { sessionParams, sessionStatus } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'getSessionStatus',
	summary: 'Connection state of the session, with the reason when it is not connected',
	method: 'get',
	path: '/api/sessions/{session}/status',
	scope: 'session',
	params: sessionParams,
	response: { schema: sessionStatus },
	handler: ({ params, services }) => services.sessions.view(params.session).status,
});

import { defineOperation } from '../registry.js';
import { sessionParams, sessionView } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'getInstance',
	summary: 'Get one session',
	method: 'get',
	path: '/api/sessions/{session}',
	scope: 'session',
	params: sessionParams,
	response: { schema: sessionView },
	handler: ({ params, services }) => services.sessions.view(params.session),
});

import { defineOperation } from '../registry.js';
import { sessionParams, sessionStatus } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'reconnect',
	summary: 'Drop the connection and open a new one with the stored credentials',
	method: 'post',
	path: '/api/sessions/{session}/reconnect',
	scope: 'session',
	params: sessionParams,
	response: { schema: sessionStatus },
	handler: ({ params, services }) => services.sessions.reconnect(params.session),
});

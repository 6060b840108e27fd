import { defineOperation } from '../registry.js';
import { sessionParams, sessionStatus } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'disconnect',
	summary: 'Close the connection and keep the credentials',
	description: 'A later connect resumes without a new QR code. The session stays disconnected across engine restarts.',
	method: 'post',
	path: '/api/sessions/{session}/disconnect',
	scope: 'session',
	params: sessionParams,
	response: { schema: sessionStatus },
	handler: ({ params, services }) => services.sessions.disconnect(params.session),
});

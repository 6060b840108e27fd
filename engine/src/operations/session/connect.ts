import { defineOperation } from '../registry.js';
import { sessionParams, sessionStatus } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'connect',
	summary: 'Connect the session to WhatsApp (starts QR pairing when not linked yet)',
	description: 'Returns at once with the current status; the session also reconnects after every engine restart until disconnected.',
	method: 'post',
	path: '/api/sessions/{session}/connect',
	scope: 'session',
	params: sessionParams,
	response: { schema: sessionStatus },
	handler: ({ params, services }) => services.sessions.connect(params.session),
});

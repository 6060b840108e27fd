import { defineOperation } from '../registry.js';
import { sessionParams, sessionStatus } from '../schemas.js';

export default defineOperation({
	resource: 'session',
	name: 'logout',
	summary: 'Unlink the device from the phone and wipe its credentials',
	description: 'The session itself remains; connecting again starts a new pairing.',
	method: 'post',
	path: '/api/sessions/{session}/logout',
	scope: 'session',
	params: sessionParams,
	response: { schema: sessionStatus },
	handler: ({ params, services }) => services.sessions.logout(params.session),
});

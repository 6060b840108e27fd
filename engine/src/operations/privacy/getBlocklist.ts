import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'privacy',
	name: 'getBlocklist',
	summary: 'Get the blocked contacts',
	description: 'WhatsApp names blocked users by LID; `phone` is given where the session knows the number behind it.',
	method: 'get',
	path: '/api/sessions/{session}/blocklist',
	scope: 'session',
	params: sessionParams,
	response: {
		schema: z.array(z.object({ jid: z.string().describe('LID or phone-number JID'), phone: z.string().optional().describe('Digits only') }).describe('BlockedUser')),
	},
	handler: ({ params, services }) => services.sessions.session(params.session).privacy.blocklist(),
});

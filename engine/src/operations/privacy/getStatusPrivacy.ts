import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'privacy',
	name: 'getStatusPrivacy',
	summary: "Get who can see the account's status",
	description: 'The `status` privacy setting (all | contacts | contact_blacklist | none), asked from WhatsApp.',
	method: 'get',
	path: '/api/sessions/{session}/privacy/status',
	scope: 'session',
	params: sessionParams,
	response: { schema: z.object({ status: z.string().optional().describe('Absent when WhatsApp does not report it') }).describe('StatusPrivacy') },
	handler: async ({ params, services }) => {
		const { settings } = await services.sessions.session(params.session).privacy.settings();
		return settings.status === undefined ? {} : { status: settings.status };
	},
});

import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { privacySettings } from './schemas.js';

export default defineOperation({
	resource: 'privacy',
	name: 'getPrivacySettings',
	summary: 'Get every privacy setting of the account',
	description: 'Asked from WhatsApp each time, so a change made on the phone shows at once.',
	method: 'get',
	path: '/api/sessions/{session}/privacy',
	scope: 'session',
	params: sessionParams,
	response: { schema: privacySettings },
	handler: async ({ params, services }) => {
		const { settings, other } = await services.sessions.session(params.session).privacy.settings();
		return { ...settings, other };
	},
});

import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { callAutoRejectView, readSettings } from './common.js';

export default defineOperation({
	resource: 'settings',
	name: 'getCallAutoReject',
	summary: 'Get the call auto-reject setting',
	method: 'get',
	path: '/api/sessions/{session}/settings/call-auto-reject',
	scope: 'session',
	params: sessionParams,
	response: { schema: callAutoRejectView },
	handler: ({ params, services }) => {
		const { callAutoReject } = readSettings(services, params.session);
		return { enabled: callAutoReject.enabled, rejectType: 'declined' as const, ...(callAutoReject.message && { rejectMessage: callAutoReject.message }) };
	},
});

import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { globalTransportSkipsView, readSettings } from './common.js';

export default defineOperation({
	resource: 'settings',
	name: 'getGlobalTransportSkips',
	summary: "Get whether this session's events skip webhook subscriptions for all sessions",
	method: 'get',
	path: '/api/sessions/{session}/settings/global-transports',
	scope: 'session',
	params: sessionParams,
	response: { schema: globalTransportSkipsView },
	handler: ({ params, services }) => ({ skipGlobalWebhook: readSettings(services, params.session).skipGlobalWebhook }),
});

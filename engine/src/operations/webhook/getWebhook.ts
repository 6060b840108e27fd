import { defineOperation } from '../registry.js';
import { webhookParams, webhookWithSecret, withSecret } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'getWebhook',
	summary: 'Get one webhook subscription, secret included',
	method: 'get',
	path: '/api/webhooks/{webhook}',
	scope: 'any',
	params: webhookParams,
	response: { schema: webhookWithSecret },
	handler: ({ params, services, caller }) => withSecret(services.webhooks.get(caller, params.webhook)),
});

import { defineOperation } from '../registry.js';
import { toView, webhookParams, webhookView } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'deleteWebhook',
	summary: 'Delete a webhook subscription and its dead letters',
	method: 'delete',
	path: '/api/webhooks/{webhook}',
	scope: 'any',
	params: webhookParams,
	response: { schema: webhookView },
	handler: async ({ params, services, caller }) => toView(await services.webhooks.delete(caller, params.webhook)),
});

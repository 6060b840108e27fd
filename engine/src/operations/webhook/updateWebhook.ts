import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { toView, webhookParams, webhookSettings, webhookUrl, webhookView } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'updateWebhook',
	summary: 'Change a subscription: URL, events, filters, headers, secret, active',
	description: 'Only the fields given change. Its place in the event log stays; use redeliver to move it.',
	method: 'patch',
	path: '/api/webhooks/{webhook}',
	scope: 'any',
	params: webhookParams,
	body: z.object({ url: webhookUrl.optional(), ...webhookSettings }).strict(),
	response: { schema: webhookView },
	handler: async ({ params, body, services, caller }) => toView(await services.webhooks.update(caller, params.webhook, body)),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { toView, webhookParams, webhookView } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'redeliverWebhookEvents',
	summary: 'Deliver (again) every matching event from a sequence number on',
	description: 'Moves the subscription back (or forward) in the event log: events with a seq of `fromSeq` or more are delivered in order, as long as the log still holds them (see the retention setting).',
	method: 'post',
	path: '/api/webhooks/{webhook}/redeliver',
	scope: 'any',
	params: webhookParams,
	body: z.object({ fromSeq: z.number().int().min(0).describe('The first seq to deliver') }).strict(),
	response: { status: 202, schema: webhookView },
	handler: async ({ params, body, services, caller }) => toView(await services.webhooks.redeliver(caller, params.webhook, body.fromSeq)),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { webhookParams } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'replayWebhookDeadLetters',
	summary: 'Deliver dead letters again (all, or the given ids)',
	description:
		'The dead letters are queued (persistently) and delivered before the next new event, with the usual retries; delivered ones leave the list, failing ones return to it.',
	method: 'post',
	path: '/api/webhooks/{webhook}/dead-letters/replay',
	scope: 'any',
	params: webhookParams,
	body: z.object({ ids: z.array(z.number().int().min(1)).min(1).max(1000).optional().describe('Dead letter ids; all when left out') }).strict(),
	response: { status: 202, schema: z.object({ queued: z.number().int() }) },
	handler: ({ params, body, services, caller }) => ({ queued: services.webhooks.replay(caller, params.webhook, body.ids) }),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { webhookParams } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'getWebhookStats',
	summary: "A subscription's delivery statistics: position in the log, successes, failures, dead letters",
	method: 'get',
	path: '/api/webhooks/{webhook}/stats',
	scope: 'any',
	params: webhookParams,
	response: {
		schema: z
			.object({
				id: z.string(),
				active: z.boolean(),
				running: z.boolean().describe('A delivery worker is running for it'),
				cursor: z.number().int().describe('The last event seq it is done with'),
				head: z.number().int().describe('The newest seq in the event log'),
				behind: z.number().int().describe('Events logged after the cursor (not all may match its filters)'),
				delivered: z.number().int().describe('Events delivered with a 2xx answer (replays included)'),
				failedAttempts: z.number().int().describe('Attempts that failed (network error, timeout, non-2xx)'),
				deadLettered: z.number().int().describe('Events given up on, ever'),
				deadLetters: z.number().int().describe('Dead letters waiting now'),
				queuedReplays: z.number().int().describe('Dead letters queued for replay'),
				replayed: z.number().int().describe('Dead letters delivered by a replay'),
				lastSuccessAt: z.number().int().optional(),
				lastFailureAt: z.number().int().optional(),
				lastError: z.string().optional(),
			})
			.describe('WebhookStats'),
	},
	handler: ({ params, services, caller }) => services.webhooks.stats(caller, params.webhook),
});

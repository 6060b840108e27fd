import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { deadLetterView, webhookParams } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'listWebhookDeadLetters',
	summary: 'List the events a subscription gave up on after its last attempt',
	method: 'get',
	path: '/api/webhooks/{webhook}/dead-letters',
	scope: 'any',
	params: webhookParams,
	query: z.object({
		state: z.enum(['dead', 'replay']).optional(),
		after: z.coerce.number().int().min(0).default(0).describe('Dead letters with a larger id'),
		limit: z.coerce.number().int().min(1).max(1000).default(100),
	}),
	response: { schema: z.array(deadLetterView) },
	handler: ({ params, query, services, caller }) =>
		services.webhooks.deadLetters(caller, params.webhook, query).map((letter) => ({
			id: letter.id,
			eventSeq: letter.eventSeq,
			eventId: letter.eventId,
			eventType: letter.eventType,
			attempts: letter.attempts,
			lastError: letter.lastError,
			state: letter.state,
			failedAt: new Date(letter.failedAt).toISOString(),
			event: JSON.parse(letter.body) as unknown,
		})),
});

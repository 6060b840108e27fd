import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionId } from '../schemas.js';
import { toView, webhookView } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'getWebhooks',
	summary: 'List webhook subscriptions (without their secrets)',
	description: "A session's key sees its session's subscriptions; the admin key sees all, or one session's with `session`.",
	method: 'get',
	path: '/api/webhooks',
	scope: 'any',
	query: z.object({ session: sessionId.optional() }),
	response: { schema: z.array(webhookView) },
	handler: ({ query, services, caller }) => services.webhooks.list(caller, query.session).map(toView),
});

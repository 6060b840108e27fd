import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionId } from '../schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'deleteAllWebhooks',
	summary: 'Delete every webhook subscription the key manages (or one session\'s)',
	method: 'delete',
	path: '/api/webhooks',
	scope: 'any',
	query: z.object({ session: sessionId.optional() }),
	response: { schema: z.object({ deleted: z.number().int() }) },
	handler: async ({ query, services, caller }) => ({ deleted: await services.webhooks.deleteAll(caller, query.session) }),
});

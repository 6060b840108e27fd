import { z } from 'zod';
import { engineEvent } from '../../events/types.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'event',
	name: 'listEvents',
	summary: "Read the session's durable event log from a sequence number on",
	description: 'Events are kept in order; pass the last `seq` you processed as `after` to continue without gaps.',
	method: 'get',
	path: '/api/sessions/{session}/events',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		after: z.coerce.number().int().min(0).default(0).describe('Return events with a larger seq'),
		limit: z.coerce.number().int().min(1).max(1000).default(100),
		type: z.string().optional().describe('Only events of this type, e.g. message.received'),
	}),
	response: { schema: z.array(engineEvent) },
	handler: ({ params, query, services }) => {
		services.sessions.record(params.session);
		return services.events.list({ ...query, session: params.session });
	},
});

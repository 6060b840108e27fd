import { z } from 'zod';
import { engineEvent } from '../../events/types.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'event',
	name: 'listEvents',
	summary: "Read the session's durable event log from a sequence number on",
	description:
		'Events are kept in order; pass the last `seq` you processed as `after` to continue without gaps. With `wait`, an empty answer is held back until a matching event arrives or the wait ends (long polling).',
	method: 'get',
	path: '/api/sessions/{session}/events',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		after: z.coerce.number().int().min(0).default(0).describe('Return events with a larger seq'),
		limit: z.coerce.number().int().min(1).max(1000).default(100),
		type: z.string().optional().describe('Only events of this type, e.g. message.received'),
		wait: z.coerce.number().int().min(0).max(60).default(0).describe('Seconds to wait when nothing matches yet'),
	}),
	response: { schema: z.array(engineEvent) },
	handler: async ({ params, query, services }) => {
		services.sessions.record(params.session);
		const read = () => services.events.list({ after: query.after, limit: query.limit, type: query.type, session: params.session });
		const found = read();
		if (found.length > 0 || query.wait === 0) return found;
		await services.events.next(
			(event) => event.session === params.session && event.seq > query.after && (!query.type || event.type === query.type),
			query.wait * 1000,
		);
		return read();
	},
});

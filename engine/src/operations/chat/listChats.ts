import { z } from 'zod';
import { party } from '../../events/types.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'listChats',
	summary: 'List the chats the session has exchanged messages with, newest first',
	description:
		'Answered from the engine\'s event log (WhatsApp has no call for this): chats with messages sent or received while the engine ran, within the event retention. `search` matches the id, phone number, LID or name.',
	method: 'get',
	path: '/api/sessions/{session}/chats',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		search: z.string().max(100).optional(),
		limit: z.coerce.number().int().min(1).max(500).default(50),
		offset: z.coerce.number().int().min(0).default(0),
	}),
	response: {
		schema: z.array(
			z
				.object({
					chat: party,
					name: z.string().optional().describe('Last push name of the person (1:1 chats)'),
					lastMessageAt: z.number().int().describe('Epoch milliseconds'),
					messages: z.number().int().describe('Messages seen in this chat'),
				})
				.describe('ChatSummary'),
		),
	},
	handler: ({ params, query, services }) => {
		services.sessions.record(params.session);
		return services.events.recentChats(params.session, query);
	},
});

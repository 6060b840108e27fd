import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { chatSummary } from './schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'listChats',
	summary: 'List the chats of the session: pinned first, then newest activity first',
	description:
		"Answered from the engine's store (WhatsApp has no call for this), fed by live messages, history sync and the chat changes every linked device makes. `search` matches the id, phone number, LID or name.",
	method: 'get',
	path: '/api/sessions/{session}/chats',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		search: z.string().max(100).optional(),
		archived: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only archived (true) or only not archived (false) chats'),
		hasMedia: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only chats with media messages'),
		limit: z.coerce.number().int().min(1).max(500).default(50),
		offset: z.coerce.number().int().min(0).default(0),
	}),
	response: { schema: z.array(chatSummary) },
	handler: ({ params, query, services }) => services.sessions.session(params.session).chats.list(query),
});

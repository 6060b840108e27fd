import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'listLidMappings',
	summary: 'List the LID ↔ phone-number mappings the session has learned, with how often each was used',
	description:
		'WhatsApp tells a device these pairs piecemeal (on messages, in history sync, in mapping updates); the engine keeps every one. `usageCount` counts the times the engine resolved a LID to its phone number with it.',
	method: 'get',
	path: '/api/sessions/{session}/lid-mappings',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		limit: z.coerce.number().int().min(1).max(1000).default(100),
		offset: z.coerce.number().int().min(0).default(0),
	}),
	response: {
		schema: z
			.object({
				total: z.number().int(),
				mappings: z.array(
					z.object({
						lid: z.string(),
						pn: z.string().describe('Phone-number JID'),
						usageCount: z.number().int(),
						lastUsed: z.number().int().optional().describe('Epoch ms'),
						learnedAt: z.number().int().describe('Epoch ms'),
					}),
				),
			})
			.describe('LidMappings'),
	},
	handler: ({ params, query, services }) => services.sessions.session(params.session).store.listLidMappings(query.limit, query.offset),
});

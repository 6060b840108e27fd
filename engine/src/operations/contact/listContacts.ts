import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'listContacts',
	summary: "List the account's contacts: saved name, push name, business name, phone number and LID",
	description:
		"Answered from the engine's store (WhatsApp has no call for this), fed by the address book the phone syncs, history sync and the push names on messages. `search` matches the id, phone number, LID or a name.",
	method: 'get',
	path: '/api/sessions/{session}/contacts',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		search: z.string().max(100).optional(),
		limit: z.coerce.number().int().min(1).max(1000).default(100),
		offset: z.coerce.number().int().min(0).default(0),
	}),
	response: {
		schema: z.array(
			z
				.object({
					id: z.string().describe('Phone-number JID when known, else the LID'),
					phone: z.string().optional(),
					lid: z.string().optional(),
					name: z.string().optional().describe('Name saved in the address book'),
					pushName: z.string().optional().describe('Name the person set for themselves'),
					verifiedName: z.string().optional().describe('Verified business name'),
				})
				.describe('Contact'),
		),
	},
	handler: ({ params, query, services }) => services.sessions.session(params.session).store.listContacts(query),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { okResult } from '../schemas.js';
import { contactParams } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'upsertContact',
	summary: "Add a contact to the phone's address book, or rename it",
	description: 'An app-state change synced to the phone and every linked device: needs the sync key the phone shares after linking (422 without it).',
	method: 'put',
	path: '/api/sessions/{session}/contacts/{contact}',
	scope: 'session',
	params: contactParams,
	body: z
		.object({
			fullName: z.string().trim().min(1).max(256).describe('Name shown for the contact'),
			firstName: z.string().trim().min(1).max(256).optional(),
		})
		.strict(),
	response: { schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).contacts.upsert(params.contact, body);
		return { ok: true as const, jid: params.contact, ...body };
	},
});

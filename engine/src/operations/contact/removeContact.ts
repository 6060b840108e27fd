import { defineOperation } from '../registry.js';
import { okResult } from '../schemas.js';
import { contactParams } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'removeContact',
	summary: "Remove a contact from the phone's address book",
	description: 'Neither blocks the person nor deletes the chat. An app-state change: needs the sync key the phone shares after linking (422 without it).',
	method: 'delete',
	path: '/api/sessions/{session}/contacts/{contact}',
	scope: 'session',
	params: contactParams,
	response: { schema: okResult },
	handler: async ({ params, services }) => {
		await services.sessions.session(params.session).contacts.remove(params.contact);
		return { ok: true as const, jid: params.contact };
	},
});

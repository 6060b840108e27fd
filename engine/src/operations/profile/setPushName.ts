import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { okResult, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'profile',
	name: 'setPushName',
	summary: "Change the account's display (push) name",
	description:
		'The name people see on messages from this account, from the next message on. An app-state setting: needs the sync key the phone shares after linking (422 without it).',
	method: 'put',
	path: '/api/sessions/{session}/profile/name',
	scope: 'session',
	params: sessionParams,
	body: z.object({ name: z.string().trim().min(1).max(25).describe('WhatsApp allows up to 25 characters') }).strict(),
	response: { schema: okResult },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).profile.setPushName(body.name);
		return { ok: true as const, name: body.name };
	},
});

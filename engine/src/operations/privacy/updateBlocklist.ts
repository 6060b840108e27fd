import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'privacy',
	name: 'updateBlocklist',
	summary: 'Block or unblock one or more contacts',
	description:
		'One WhatsApp request per user, in order; the first refusal stops the rest (those before it are done). A blocked contact can still send, but the messages never reach this account.',
	method: 'post',
	path: '/api/sessions/{session}/blocklist',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			action: z.enum(['block', 'unblock']),
			users: z.array(recipient).min(1).max(50).describe('Phone numbers with country code, phone-number JIDs or LIDs'),
		})
		.strict(),
	response: { schema: z.object({ ok: z.literal(true), action: z.enum(['block', 'unblock']), users: z.array(z.string()) }).describe('BlocklistChange') },
	handler: async ({ params, body, services }) => {
		const users = [...new Set(body.users)];
		await services.sessions.session(params.session).privacy.updateBlocklist(body.action, users);
		return { ok: true as const, action: body.action, users };
	},
});

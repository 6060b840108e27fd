import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { chatChange, chatParams } from './schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'muteChat',
	summary: 'Mute a chat for 8 hours, a week or always, or unmute it',
	description: 'An app-state change synced to every device: needs the sync key the phone shares after linking (422 without it).',
	method: 'post',
	path: '/api/sessions/{session}/chats/{chat}/mute',
	scope: 'session',
	params: chatParams,
	body: z
		.object({
			mute: z.boolean().default(true).describe('false unmutes'),
			duration: z.enum(['8h', '1w', 'always']).default('always'),
		})
		.strict(),
	response: { schema: chatChange },
	handler: async ({ params, body, services }) => {
		const chats = services.sessions.session(params.session).chats;
		const { mutedUntil } = await chats.mute(params.chat, body.mute, body.duration);
		return { ok: true as const, chat: chats.chatId(params.chat), muted: body.mute, ...(mutedUntil !== undefined && { mutedUntil }) };
	},
});

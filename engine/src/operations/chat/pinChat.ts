import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { chatChange, chatParams } from './schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'pinChat',
	summary: 'Pin or unpin a chat at the top of the chat list',
	description: 'An app-state change synced to every device of the account: needs the sync key the phone shares after linking (422 without it). WhatsApp allows three pinned chats.',
	method: 'post',
	path: '/api/sessions/{session}/chats/{chat}/pin',
	scope: 'session',
	params: chatParams,
	body: z.object({ pin: z.boolean().default(true).describe('false unpins') }).strict(),
	response: { schema: chatChange },
	handler: async ({ params, body, services }) => {
		const chats = services.sessions.session(params.session).chats;
		await chats.pin(params.chat, body.pin);
		return { ok: true as const, chat: chats.chatId(params.chat), pinned: body.pin };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { chatChange, chatParams, lastMessageHint } from './schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'deleteChat',
	summary: 'Delete a chat from the chat list on every device (it comes back with the next message)',
	description: "An app-state change: needs the sync key the phone shares after linking (422 without it). Also removes the chat and its messages from the engine's store.",
	method: 'delete',
	path: '/api/sessions/{session}/chats/{chat}',
	scope: 'session',
	params: chatParams,
	body: z.object({ lastMessage: lastMessageHint.optional() }).strict().optional(),
	response: { schema: chatChange },
	handler: async ({ params, body, services }) => {
		const chats = services.sessions.session(params.session).chats;
		const chat = chats.chatId(params.chat);
		await chats.delete(params.chat, body?.lastMessage);
		return { ok: true as const, chat, deleted: true };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { chatChange, chatParams, lastMessageHint } from './schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'clearChat',
	summary: 'Clear all messages of a chat but keep the chat',
	description: "An app-state change: needs the sync key the phone shares after linking (422 without it). Also removes the chat's messages from the engine's store.",
	method: 'post',
	path: '/api/sessions/{session}/chats/{chat}/clear',
	scope: 'session',
	params: chatParams,
	body: z.object({ lastMessage: lastMessageHint.optional() }).strict().optional(),
	response: { schema: chatChange },
	handler: async ({ params, body, services }) => {
		const chats = services.sessions.session(params.session).chats;
		const chat = chats.chatId(params.chat);
		await chats.clear(params.chat, body?.lastMessage);
		return { ok: true as const, chat, cleared: true };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { chatChange, chatParams, lastMessageHint } from './schemas.js';

export default defineOperation({
	resource: 'chat',
	name: 'archiveChat',
	summary: 'Archive or unarchive a chat (archiving also unpins it)',
	description: "An app-state change synced to every device: needs the sync key the phone shares after linking (422 without it). WhatsApp wants the chat's newest message, which the engine takes from its store.",
	method: 'post',
	path: '/api/sessions/{session}/chats/{chat}/archive',
	scope: 'session',
	params: chatParams,
	body: z.object({ archive: z.boolean().default(true).describe('false unarchives'), lastMessage: lastMessageHint.optional() }).strict(),
	response: { schema: chatChange },
	handler: async ({ params, body, services }) => {
		const chats = services.sessions.session(params.session).chats;
		await chats.archive(params.chat, body.archive, body.lastMessage);
		return { ok: true as const, chat: chats.chatId(params.chat), archived: body.archive };
	},
});

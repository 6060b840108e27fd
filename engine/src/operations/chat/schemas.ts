import { z } from 'zod';
import { party } from '../../events/types.js';
import { recipient, sessionId } from '../schemas.js';

/** The chat in a path: a phone number, a JID (person, LID or group) or a LID. */
export const chatParams = z.object({
	session: sessionId,
	chat: z.string().min(1).max(128).describe('Phone number, JID (…@s.whatsapp.net, …@g.us) or LID (…@lid)'),
});

/**
 * The chat's newest message, for chats the engine has no messages of: WhatsApp applies archive, delete and clear up
 * to this message on every device.
 */
export const lastMessageHint = z
	.object({
		id: z.string().min(1).max(128),
		timestamp: z.number().int().positive().describe('Epoch seconds'),
		fromMe: z.boolean(),
		participant: recipient.optional().describe('Author, in groups'),
	})
	.strict()
	.describe("The chat's newest message (only needed when the engine has none of this chat)");

export const chatSummary = z
	.object({
		chat: party,
		name: z.string().optional().describe('Group subject, or the push name of the person'),
		unreadCount: z.number().int(),
		archived: z.boolean(),
		pinned: z.boolean(),
		muted: z.boolean(),
		mutedUntil: z.number().int().optional().describe('Epoch ms; -1 = until unmuted'),
		lastMessageAt: z.number().int().optional().describe('Epoch ms'),
	})
	.describe('ChatSummary');

export const chatChange = z
	.object({ ok: z.literal(true), chat: z.string().describe('The chat id the change applied to') })
	.catchall(z.unknown())
	.describe('ChatChange');

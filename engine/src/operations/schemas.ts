import { z } from 'zod';
import { toJid } from '../lib/recipient.js';
import { sessionStates } from '../sessions/session-status.js';

/** Session ids appear in URLs and file names: letters, digits, `_` and `-`, nothing that can walk a path. */
export const sessionId = z
	.string()
	.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'use 1-64 letters, digits, "_" or "-", starting with a letter or digit')
	.describe('Session id');

export const sessionParams = z.object({ session: sessionId });

export const apiKeyInput = z.string().min(16, 'API keys need at least 16 characters').max(256);

export const sessionStatus = z
	.object({
		state: z.enum(sessionStates),
		problem: z
			.object({
				code: z.string().describe('logged_out | replaced | qr_timeout | forbidden | multidevice_mismatch | connection_error | disconnected'),
				message: z.string(),
				closeCode: z.number().int().optional().describe('WhatsApp close code, e.g. 401, 440, 515'),
			})
			.optional()
			.describe('Why the session is not connected'),
		me: z
			.object({ jid: z.string(), phone: z.string(), lid: z.string().optional(), name: z.string().optional() })
			.optional()
			.describe('The linked WhatsApp account'),
		retry: z.object({ attempt: z.number().int(), nextAttemptAt: z.number().int() }).optional(),
		lastConnectedAt: z.number().int().optional(),
	})
	.describe('SessionStatus');

export const sessionView = z
	.object({
		id: sessionId,
		name: z.string(),
		createdAt: z.string().describe('ISO 8601'),
		paired: z.boolean().describe('Credentials of a linked device are stored'),
		hasApiKey: z.boolean(),
		status: sessionStatus,
	})
	.describe('Session');

/** A phone number in any common format or a JID; handlers receive the normalised JID. */
export const recipient = z
	.string()
	.min(1)
	.transform((value, ctx) => {
		try {
			return toJid(value);
		} catch (error) {
			ctx.addIssue({ code: 'custom', message: (error as Error).message });
			return z.NEVER;
		}
	})
	.describe('Phone number with country code (+49 151 2345678) or JID (…@s.whatsapp.net, …@lid, …@g.us, …@newsletter)');

export const sentMessage = z
	.object({
		id: z.string().describe('WhatsApp message id'),
		to: z.string().describe('Normalised recipient JID'),
		timestamp: z.number().int().describe('Epoch seconds'),
	})
	.describe('SentMessage');

export { mediaInput } from './media.js';

/** A WhatsApp message id (as events and send answers report it). */
export const messageId = z
	.string()
	.regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a WhatsApp message id: letters, digits, "_", "-", ".", ":"')
	.describe('WhatsApp message id');

export const messageParams = z.object({ session: sessionId, messageId });

/** Send options most send operations accept (catalog §2.3, common options). */
export const sendOptionsShape = {
	replyTo: messageId.optional().describe('Quote this message (id of a recent message of the same chat; 404 when the engine does not know it)'),
	forwarded: z.boolean().optional().describe('Mark as forwarded'),
	ephemeralSeconds: z
		.union([z.literal(0), z.literal(86_400), z.literal(604_800), z.literal(7_776_000)])
		.optional()
		.describe('Disappearing-message timer of this message: 86400 (24 h), 604800 (7 days), 7776000 (90 days); 0 = off'),
	echo: z.boolean().optional().describe("Log this send as a message.sent event; overrides the session's API echo setting"),
};

export const mentionsField = z.array(recipient).max(1024).optional().describe('People to @mention; put @<number> in the text too');

/** The answer of message actions that send something (revoke, react, edit). */
export const actionResult = z
	.object({
		id: z.string().describe('Id of the message that carried the action'),
		targetId: z.string().describe('The message acted on'),
		chat: z.string(),
		timestamp: z.number().int(),
	})
	.describe('MessageActionResult');

export const okResult = z.object({ ok: z.literal(true) }).catchall(z.unknown()).describe('Ok');

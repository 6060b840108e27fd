import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import type { WhatsAppSandbox, SimContact, ReceivedMessage } from '../../sandbox/index.js';
import type { EngineServices } from '../../services.js';

export const contactParams = z.object({
	contact: z.string().regex(/^\d{5,15}$/, 'the contact\'s phone number, digits only').describe('Phone number of the simulated contact'),
});

export const contactView = z
	.object({ phone: z.string(), jid: z.string(), lid: z.string(), name: z.string() })
	.describe('SandboxContact');

export const toContactView = (contact: SimContact) => ({ phone: contact.phone, jid: contact.jid, lid: contact.lid, name: contact.name });

export const receivedMessageView = z
	.object({
		id: z.string(),
		chat: z.string(),
		from: z.string(),
		fromPhone: z.string().optional(),
		fromLid: z.string().optional(),
		fromMe: z.boolean(),
		timestamp: z.number(),
		type: z.string(),
		text: z.string().optional(),
		caption: z.string().optional(),
		media: z.object({ mimetype: z.string(), fileName: z.string().optional(), size: z.number().int(), base64: z.string() }).optional(),
		reaction: z.object({ emoji: z.string(), targetId: z.string() }).optional(),
		quotedId: z.string().optional(),
		edit: z.object({ targetId: z.string(), text: z.string().optional() }).optional(),
		revokedId: z.string().optional(),
	})
	.describe('SandboxReceivedMessage');

export const toReceivedView = (m: ReceivedMessage) => ({
	id: m.id,
	chat: m.chat,
	from: m.from,
	fromPhone: m.fromPhone,
	fromLid: m.fromLid,
	fromMe: m.fromMe,
	timestamp: m.timestamp,
	type: m.type,
	text: m.text,
	caption: m.caption,
	media: m.media && { mimetype: m.media.mimetype, fileName: m.media.fileName, size: m.media.data.length, base64: m.media.data.toString('base64') },
	reaction: m.reaction,
	quotedId: m.quotedId,
	edit: m.edit,
	revokedId: m.revokedId,
});

/** The embedded simulator; these routes exist only when the engine runs with --sandbox. */
export function sandboxOf(services: EngineServices): WhatsAppSandbox {
	if (!services.sandbox) throw notFound('sandbox_disabled', 'The sandbox is not running; start the engine with --sandbox.');
	return services.sandbox;
}

export function contactOf(services: EngineServices, phone: string): SimContact {
	const contact = sandboxOf(services).contact(phone);
	if (!contact) throw notFound('contact_not_found', `No simulated contact with phone number ${phone}.`);
	return contact;
}

import { z } from 'zod';
import { badRequest, notFound } from '../../lib/errors.js';
import { recipient } from '../schemas.js';
import { defineOperation } from '../registry.js';
import { contactOf, contactParams } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'contactSend',
	summary: 'Make a simulated contact send a message (text, image, document, reaction or reply)',
	method: 'post',
	path: '/api/sandbox/contacts/{contact}/messages',
	scope: 'admin',
	params: contactParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).optional(),
			image: z.object({ base64: z.string().min(1), mimetype: z.string().default('image/jpeg'), caption: z.string().optional() }).strict().optional(),
			document: z.object({ base64: z.string().min(1), mimetype: z.string(), fileName: z.string().min(1) }).strict().optional(),
			reaction: z.object({ messageId: z.string().min(1), emoji: z.string(), fromMe: z.boolean().default(false) }).strict().optional().describe('React to a message in the chat with `to`'),
			quotedId: z.string().optional().describe('Reply to this message (one the contact received)'),
		})
		.strict()
		.refine((b) => [b.text, b.image, b.document, b.reaction].filter(Boolean).length === 1, 'give exactly one of text, image, document, reaction'),
	response: { status: 201, schema: z.object({ id: z.string().optional() }) },
	handler: async ({ params, body, services }) => {
		const contact = contactOf(services, params.contact);
		if (body.text) {
			const quoted = body.quotedId ? contact.received().find((m) => m.id === body.quotedId) : undefined;
			if (body.quotedId && !quoted) throw notFound('message_not_found', `The contact has not received a message ${body.quotedId}.`);
			return contact.sendText(body.to, body.text, quoted ? { quoted } : undefined);
		}
		if (body.image) return contact.sendImage(body.to, Buffer.from(body.image.base64, 'base64'), body.image);
		if (body.document) return contact.sendDocument(body.to, Buffer.from(body.document.base64, 'base64'), body.document);
		if (body.reaction) {
			await contact.react(body.to, { id: body.reaction.messageId, remoteJid: body.to, fromMe: body.reaction.fromMe }, body.reaction.emoji);
			return {};
		}
		throw badRequest('Nothing to send.');
	},
});

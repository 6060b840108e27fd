import { z } from 'zod';
import { badRequest } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';

const card = z
	.object({
		name: z.string().min(1).max(256).describe('Name shown on the card'),
		phone: z.string().max(32).optional().describe('Phone number with country code; the engine builds the vCard'),
		vcard: z.string().max(16_384).optional().describe('A complete vCard (BEGIN:VCARD … END:VCARD) instead of phone'),
		organization: z.string().max(256).optional(),
	})
	.strict()
	.refine((c) => (c.phone === undefined) !== (c.vcard === undefined), { message: 'give either phone or vcard' });

const escapeVcard = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');

/** `TEL;type=CELL;waid=<digits>:+<digits>`: the waid lets WhatsApp offer "Message" on the card. */
export function buildVcard(name: string, phone: string, organization?: string): string {
	const digits = phone.replace(/[^\d]/g, '').replace(/^00/, '');
	if (!/^\d{7,15}$/.test(digits)) throw badRequest(`"${phone}" is not a phone number with country code.`);
	return [
		'BEGIN:VCARD',
		'VERSION:3.0',
		`FN:${escapeVcard(name)}`,
		...(organization ? [`ORG:${escapeVcard(organization)}`] : []),
		`TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`,
		'END:VCARD',
	].join('\n');
}

export default defineOperation({
	resource: 'message',
	name: 'sendContact',
	summary: 'Send one or more contact cards (vCard)',
	method: 'post',
	path: '/api/sessions/{session}/messages/contact',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			contacts: z.array(card).min(1).max(20),
			displayName: z.string().max(256).optional().describe('Title of a multi-contact message'),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const cards = body.contacts.map((c) => {
			if (c.vcard !== undefined && !/^BEGIN:VCARD[\s\S]*END:VCARD\s*$/i.test(c.vcard.trim())) throw badRequest(`The vCard of "${c.name}" must start with BEGIN:VCARD and end with END:VCARD.`);
			return { name: c.name, vcard: c.vcard ?? buildVcard(c.name, c.phone!, c.organization) };
		});
		return sendAndAnswer(services, params.session, body.to, { kind: 'contacts', cards, displayName: body.displayName }, body);
	},
});

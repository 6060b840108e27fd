import type { INodeProperties } from 'n8n-workflow';

/** A chat or person: a phone number in any common format or a WhatsApp JID. The engine normalises it. */
export const recipientField: INodeProperties = {
	displayName: 'Recipient',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +49 151 2345678 or 491512345678@s.whatsapp.net',
	description:
		'Phone number with country code (+49 151 2345678, 491512345678) or a JID (…@s.whatsapp.net, …@lid, …@g.us for groups, …@newsletter for channels)',
};

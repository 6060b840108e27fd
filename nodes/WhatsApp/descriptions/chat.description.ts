import type { INodeProperties } from 'n8n-workflow';

/** The chat a message belongs to, for operations on an existing message (react, edit, revoke, read ...). */
export const chatField: INodeProperties = {
	displayName: 'Chat',
	name: 'chat',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +49 151 2345678 or 120363012345678901@g.us',
	description: 'The chat of the message: phone number or JID',
};

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecipient, recipientField, splitList } from '../../descriptions';

/** One person (or, for pictures, a group): picked from recent chats, typed as a phone number, or given as a JID or LID. */
export const contactField: INodeProperties = {
	...recipientField,
	displayName: 'Contact',
	name: 'contact',
	description: 'The person: phone number with country code, JID or LID',
};

export const getContact = (ctx: IExecuteFunctions, i: number): string => getRecipient(ctx, i, 'contact');

/** Several people as a comma-separated list. */
export const phonesField: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'phones',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +49 151 2345678, 491761234567',
	description: 'Phone numbers with country code, JIDs or LIDs, separated by commas',
};

export const getPhones = (ctx: IExecuteFunctions, i: number): string[] => splitList(ctx.getNodeParameter('phones', i));

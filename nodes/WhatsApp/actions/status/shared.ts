import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../descriptions';

/** WhatsApp shows a status only to the people it is sent to; the engine falls back to the session's contacts. */
export const recipientsField: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'string',
	default: '',
	placeholder: 'e.g. +49 151 2345678, 491761234567',
	description: "Comma-separated phone numbers or JIDs of the people who see the status. Leave empty for all of the session's contacts.",
};

/** The recipients of item `i` as the engine's body field; nothing when empty, so the engine uses the contacts. */
export function readRecipients(ctx: IExecuteFunctions, i: number): { recipients?: string[] } {
	const recipients = splitList(ctx.getNodeParameter('recipients', i, ''));
	return recipients.length > 0 ? { recipients } : {};
}

export const captionField: INodeProperties = {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	default: '',
	typeOptions: { rows: 2 },
};

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * A chat or person: picked from the session's chats, typed as a phone number in any common format, or given as a
 * WhatsApp JID. The engine normalises all three.
 */
export const chatLocator = (field: Pick<INodeProperties, 'displayName' | 'name' | 'description'>): INodeProperties => ({
	...field,
	type: 'resourceLocator',
	required: true,
	default: { mode: 'phone', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchChats', searchable: true },
		},
		{
			displayName: 'By Phone Number',
			name: 'phone',
			type: 'string',
			placeholder: 'e.g. +49 151 2345678',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\+?[\\d\\s().\\-/]{7,24}$',
						errorMessage: 'A phone number with country code, e.g. +49 151 2345678',
					},
				},
			],
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 491512345678@s.whatsapp.net or 120363025246125486@g.us',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[\\w.:-]+@(s\\.whatsapp\\.net|c\\.us|lid|g\\.us|newsletter|broadcast)$',
						errorMessage: 'A WhatsApp id (JID) such as …@s.whatsapp.net, …@lid, …@g.us or …@newsletter',
					},
				},
			],
		},
	],
});

/** The person, group or channel a message goes to. */
export const recipientField = chatLocator({ displayName: 'Recipient', name: 'to', description: 'The person, group or channel to send to' });

/** The recipient of item `i` as typed or picked (a phone number or JID; the engine normalises it). */
export function getRecipient(ctx: IExecuteFunctions, i: number, name = 'to'): string {
	return String(ctx.getNodeParameter(name, i, '', { extractValue: true }) ?? '').trim();
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { chatLocator } from './recipient.description';

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

/** The chat the operation changes, picked from the list, by phone number or by id. */
export const chatLocatorField = chatLocator({ displayName: 'Chat', name: 'chat', description: 'The chat to change: a person or a group' });

/**
 * WhatsApp applies archive, delete and clear up to the chat's newest message. The engine knows it for chats it has
 * seen; for others the user gives it here.
 */
export const lastMessageOption: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Last Message ID',
			name: 'lastMessageId',
			type: 'string',
			default: '',
			description: "ID of the chat's newest message; only needed when the engine has no message of this chat",
		},
		{
			displayName: 'Last Message Timestamp',
			name: 'lastMessageTimestamp',
			type: 'number',
			default: 0,
			description: 'Its time in epoch seconds',
		},
		{
			displayName: 'Last Message From Me',
			name: 'lastMessageFromMe',
			type: 'boolean',
			default: false,
			description: 'Whether this account sent it',
		},
	],
};

/** The `lastMessage` hint of item `i`, when the user gave one. */
export function readLastMessage(ctx: IExecuteFunctions, i: number): IDataObject {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const id = String(options.lastMessageId ?? '').trim();
	if (!id) return {};
	return { lastMessage: { id, timestamp: Number(options.lastMessageTimestamp ?? 0), fromMe: Boolean(options.lastMessageFromMe) } };
}

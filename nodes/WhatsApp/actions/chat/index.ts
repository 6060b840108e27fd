import type { INodeProperties } from 'n8n-workflow';

import * as archiveChat from './archiveChat.operation';
import * as clearChat from './clearChat.operation';
import * as deleteChat from './deleteChat.operation';
import * as getChatMessages from './getChatMessages.operation';
import * as listChats from './listChats.operation';
import * as muteChat from './muteChat.operation';
import * as pinChat from './pinChat.operation';

export { archiveChat, clearChat, deleteChat, getChatMessages, listChats, muteChat, pinChat };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Archive',
				value: 'archiveChat',
				description: 'Archive or unarchive a chat',
				action: 'Archive a chat',
			},
			{
				name: 'Clear',
				value: 'clearChat',
				description: 'Clear all messages of a chat but keep the chat',
				action: 'Clear a chat',
			},
			{
				name: 'Delete',
				value: 'deleteChat',
				description: 'Delete a chat from the chat list on every device',
				action: 'Delete a chat',
			},
			{
				name: 'Get Many',
				value: 'listChats',
				description: 'List the chats of the session, pinned first, then newest first',
				action: 'Get many chats',
			},
			{
				name: 'Get Messages',
				value: 'getChatMessages',
				description: "Read a chat's stored messages, newest first",
				action: 'Get messages of a chat',
			},
			{
				name: 'Mute',
				value: 'muteChat',
				description: 'Mute a chat for 8 hours, a week or always, or unmute it',
				action: 'Mute a chat',
			},
			{
				name: 'Pin',
				value: 'pinChat',
				description: 'Pin or unpin a chat at the top of the chat list',
				action: 'Pin a chat',
			},
		],
		default: 'listChats',
	},
	...archiveChat.description,
	...clearChat.description,
	...deleteChat.description,
	...getChatMessages.description,
	...listChats.description,
	...muteChat.description,
	...pinChat.description,
];

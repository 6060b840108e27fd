import type { INodeProperties } from 'n8n-workflow';

import * as deleteMessageForMe from './deleteMessageForMe.operation';
import * as editMessage from './editMessage.operation';
import * as markAsPlayed from './markAsPlayed.operation';
import * as markAsRead from './markAsRead.operation';
import * as reactToMessage from './reactToMessage.operation';
import * as revokeMessage from './revokeMessage.operation';
import * as starMessage from './starMessage.operation';

export { deleteMessageForMe, editMessage, markAsPlayed, markAsRead, reactToMessage, revokeMessage, starMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['messageAction'] } },
		options: [
			{ name: "Delete for Everyone", value: 'revokeMessage', description: "Delete a message for everyone (revoke)", action: "Delete a message for everyone" },
			{ name: "Delete for Me", value: 'deleteMessageForMe', description: "Delete a message on this account's devices only", action: "Delete a message for me" },
			{ name: "Edit", value: 'editMessage', description: "Edit the text of a message this account sent (about 15 minutes)", action: "Edit a message" },
			{ name: "Mark as Played", value: 'markAsPlayed', description: "Send played receipts for voice notes or view-once media", action: "Mark voice notes as played" },
			{ name: "Mark as Read", value: 'markAsRead', description: "Send read receipts (blue ticks) for messages", action: "Mark messages as read" },
			{ name: "React", value: 'reactToMessage', description: "Add or remove an emoji reaction", action: "React to a message" },
			{ name: "Star", value: 'starMessage', description: "Star or unstar a message", action: "Star or unstar a message" },
		],
		default: 'revokeMessage',
	},
	...deleteMessageForMe.description,
	...editMessage.description,
	...markAsPlayed.description,
	...markAsRead.description,
	...reactToMessage.description,
	...revokeMessage.description,
	...starMessage.description,
];

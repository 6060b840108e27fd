import type { INodeProperties } from 'n8n-workflow';

import * as listChats from './listChats.operation';

export { listChats };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Get Many',
				value: 'listChats',
				description: 'List the chats the session has exchanged messages with, newest first',
				action: 'Get many chats',
			},
		],
		default: 'listChats',
	},
	...listChats.description,
];

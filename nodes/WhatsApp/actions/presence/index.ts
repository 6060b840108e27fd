import type { INodeProperties } from 'n8n-workflow';

import * as sendChatPresence from './sendChatPresence.operation';
import * as sendPresence from './sendPresence.operation';

export { sendChatPresence, sendPresence };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['presence'] } },
		options: [
			{ name: "Send Chat Presence", value: 'sendChatPresence', description: "Show or stop typing / recording in a chat", action: "Show typing or recording in a chat" },
			{ name: "Set Presence", value: 'sendPresence', description: "Set this account online or offline", action: "Set online or offline" },
		],
		default: 'sendPresence',
	},
	...sendChatPresence.description,
	...sendPresence.description,
];

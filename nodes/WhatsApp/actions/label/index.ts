import type { INodeProperties } from 'n8n-workflow';

import * as labelChat from './labelChat.operation';
import * as labelMessage from './labelMessage.operation';
import * as manageLabel from './manageLabel.operation';

export { labelChat, labelMessage, manageLabel };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['label'] } },
		options: [
			{
				name: 'Label Chat',
				value: 'labelChat',
				description: 'Put a label on a chat or take it off',
				action: 'Label a chat',
			},
			{
				name: 'Label Message',
				value: 'labelMessage',
				description: 'Put a label on a message or take it off',
				action: 'Label a message',
			},
			{
				name: 'Manage',
				value: 'manageLabel',
				description: 'Create, edit or delete a label (WhatsApp Business)',
				action: 'Manage a label',
			},
		],
		default: 'manageLabel',
	},
	...labelChat.description,
	...labelMessage.description,
	...manageLabel.description,
];

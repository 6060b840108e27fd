import type { INodeProperties } from 'n8n-workflow';

import * as sendImage from './sendImage.operation';
import * as sendText from './sendText.operation';

export { sendImage, sendText };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Image',
				value: 'sendImage',
				description: 'Send an image with an optional caption',
				action: 'Send an image',
			},
			{
				name: 'Send Text',
				value: 'sendText',
				description: 'Send a text message to a person, group or channel',
				action: 'Send a text message',
			},
		],
		default: 'sendText',
	},
	...sendImage.description,
	...sendText.description,
];

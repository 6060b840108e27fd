import type { INodeProperties } from 'n8n-workflow';

import * as downloadMedia from './downloadMedia.operation';
import * as uploadMedia from './uploadMedia.operation';

export { downloadMedia, uploadMedia };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{ name: "Download", value: 'downloadMedia', description: "Download the file of a received or sent message into a binary field", action: "Download media of a message" },
			{ name: "Upload", value: 'uploadMedia', description: "Upload a file once and send it later by its media ID", action: "Upload a file for later sends" },
		],
		default: 'uploadMedia',
	},
	...downloadMedia.description,
	...uploadMedia.description,
];

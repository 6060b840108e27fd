import type { INodeProperties } from 'n8n-workflow';

import * as sendAudioStatus from './sendAudioStatus.operation';
import * as sendImageStatus from './sendImageStatus.operation';
import * as sendTextStatus from './sendTextStatus.operation';
import * as sendVideoStatus from './sendVideoStatus.operation';

export { sendAudioStatus, sendImageStatus, sendTextStatus, sendVideoStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['status'] } },
		options: [
			{
				name: 'Post Audio',
				value: 'sendAudioStatus',
				description: 'Post an audio or voice-note status',
				action: 'Post an audio status',
			},
			{
				name: 'Post Image',
				value: 'sendImageStatus',
				description: 'Post an image status with an optional caption',
				action: 'Post an image status',
			},
			{
				name: 'Post Text',
				value: 'sendTextStatus',
				description: 'Post a text status with colours and font',
				action: 'Post a text status',
			},
			{
				name: 'Post Video',
				value: 'sendVideoStatus',
				description: 'Post a video status with an optional caption',
				action: 'Post a video status',
			},
		],
		default: 'sendTextStatus',
	},
	...sendAudioStatus.description,
	...sendImageStatus.description,
	...sendTextStatus.description,
	...sendVideoStatus.description,
];

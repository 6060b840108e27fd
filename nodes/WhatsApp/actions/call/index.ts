import type { INodeProperties } from 'n8n-workflow';

import * as rejectCall from './rejectCall.operation';

export { rejectCall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Reject',
				value: 'rejectCall',
				description: 'Reject an incoming call and optionally message the caller',
				action: 'Reject a call',
			},
		],
		default: 'rejectCall',
	},
	...rejectCall.description,
];

import type { INodeProperties } from 'n8n-workflow';

import * as listEvents from './listEvents.operation';

export { listEvents };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Get Many',
				value: 'listEvents',
				description: "Read the session's durable event log from a sequence number on",
				action: 'Get many events',
			},
		],
		default: 'listEvents',
	},
	...listEvents.description,
];

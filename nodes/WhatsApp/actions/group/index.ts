import type { INodeProperties } from 'n8n-workflow';

import * as createGroup from './createGroup.operation';

export { createGroup };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Create',
				value: 'createGroup',
				description: 'Create a group with the given members',
				action: 'Create a group',
			},
		],
		default: 'createGroup',
	},
	...createGroup.description,
];

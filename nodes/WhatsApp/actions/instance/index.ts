import type { INodeProperties } from 'n8n-workflow';

import * as listInstancesStatus from './listInstancesStatus.operation';
import * as deleteInstanceFull from './deleteInstanceFull.operation';
import * as createInstance from './createInstance.operation';
import * as deleteInstance from './deleteInstance.operation';
import * as getInstance from './getInstance.operation';
import * as listInstances from './listInstances.operation';
import * as updateInstanceCredentials from './updateInstanceCredentials.operation';

export { createInstance, deleteInstance, deleteInstanceFull, getInstance, listInstances, listInstancesStatus, updateInstanceCredentials };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['instance'] } },
		options: [
			{
				name: 'Create',
				value: 'createInstance',
				description: 'Create a session (one linked WhatsApp device) and its API key',
				action: 'Create an instance',
			},
			{
				name: 'Delete',
				value: 'deleteInstance',
				description: 'Delete a session and everything stored for it',
				action: 'Delete an instance',
			},
			{
				name: 'Delete and Log Out',
				value: 'deleteInstanceFull',
				description: 'Log the device out of WhatsApp, then delete the session and everything stored for it',
				action: 'Delete and log out an instance',
			},
			{
				name: 'Get',
				value: 'getInstance',
				description: 'Get one session',
				action: 'Get an instance',
			},
			{
				name: 'Get Many',
				value: 'listInstances',
				description: 'List all sessions with their connection state',
				action: 'Get many instances',
			},
			{
				name: 'Get Status of Many',
				value: 'listInstancesStatus',
				description: 'Connection health of many sessions at once, with pending QR codes',
				action: 'Get the status of many instances',
			},
			{
				name: 'Update Credentials',
				value: 'updateInstanceCredentials',
				description: 'Rename a session and/or replace its API key',
				action: 'Update instance credentials',
			},
		],
		default: 'listInstances',
	},
	...createInstance.description,
	...deleteInstance.description,
	...getInstance.description,
	...listInstances.description,
	...updateInstanceCredentials.description,
	...deleteInstanceFull.description,
	...listInstancesStatus.description,
];

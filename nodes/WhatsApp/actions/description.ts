import type { INodeProperties } from 'n8n-workflow';

import * as event from './event';
import * as group from './group';
import * as instance from './instance';
import * as message from './message';
import * as session from './session';

/** The node's parameters: the Resource dropdown, then each resource's Operation dropdown and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Event', value: 'event', description: "The session's durable event log" },
			{ name: 'Group', value: 'group', description: 'Create and manage groups' },
			{ name: 'Instance', value: 'instance', description: 'Create, list, update and delete sessions' },
			{ name: 'Message', value: 'message', description: 'Send messages' },
			{ name: 'Session', value: 'session', description: 'Link, connect and disconnect a session' },
		],
		default: 'message',
	},
	...event.description,
	...group.description,
	...instance.description,
	...message.description,
	...session.description,
];

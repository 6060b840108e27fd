import type { INodeProperties } from 'n8n-workflow';

import * as chat from './chat';
import * as event from './event';
import * as group from './group';
import * as instance from './instance';
import * as media from './media';
import * as message from './message';
import * as messageAction from './messageAction';
import * as presence from './presence';
import * as session from './session';
import * as webhook from './webhook';

/** The node's parameters: the Resource dropdown, then each resource's Operation dropdown and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Chat', value: 'chat', description: 'Chats of a session' },
			{ name: 'Event', value: 'event', description: "The session's durable event log" },
			{ name: 'Group', value: 'group', description: 'Create a group' },
			{ name: 'Instance', value: 'instance', description: 'Create, list, update and delete sessions' },
			{ name: 'Media', value: 'media', description: 'Upload files and download received media' },
			{ name: 'Message', value: 'message', description: 'Send messages' },
			{ name: 'Message Action', value: 'messageAction', description: 'React to, edit, delete, star and mark messages' },
			{ name: 'Presence', value: 'presence', description: 'Online status and typing indicators' },
			{ name: 'Session', value: 'session', description: 'Link, connect and disconnect a session' },
			{ name: 'Webhook', value: 'webhook', description: 'Subscribe URLs to events; delivery statistics, dead letters, redelivery' },
		],
		default: 'message',
	},
	...chat.description,
	...event.description,
	...group.description,
	...instance.description,
	...media.description,
	...message.description,
	...messageAction.description,
	...presence.description,
	...session.description,
	...webhook.description,
];

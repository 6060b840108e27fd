import type { INodeProperties } from 'n8n-workflow';

import * as chat from './chat';
import * as contact from './contact';
import * as event from './event';
import * as group from './group';
import * as instance from './instance';
import * as media from './media';
import * as message from './message';
import * as messageAction from './messageAction';
import * as presence from './presence';
import * as profile from './profile';
import * as session from './session';
import * as settings from './settings';
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
			{ name: 'Contact', value: 'contact', description: 'Look up users, resolve LIDs, manage the address book' },
			{ name: 'Event', value: 'event', description: "The session's durable event log" },
			{ name: 'Group', value: 'group', description: 'Create a group' },
			{ name: 'Instance', value: 'instance', description: 'Create, list, update and delete sessions' },
			{ name: 'Media', value: 'media', description: 'Upload files and download received media' },
			{ name: 'Message', value: 'message', description: 'Send messages' },
			{ name: 'Message Action', value: 'messageAction', description: 'React to, edit, delete, star and mark messages' },
			{ name: 'Presence', value: 'presence', description: 'Online status and typing indicators' },
			{ name: 'Profile', value: 'profile', description: "The account's own name, about text and picture" },
			{ name: 'Session', value: 'session', description: 'Link, connect and disconnect a session' },
			{ name: 'Setting', value: 'settings', description: 'Per-session behaviour: API echo, call auto-reject, auto presence, event skips, proxy' },
			{ name: 'Webhook', value: 'webhook', description: 'Subscribe URLs to events; delivery statistics, dead letters, redelivery' },
		],
		default: 'message',
	},
	...chat.description,
	...contact.description,
	...event.description,
	...group.description,
	...instance.description,
	...media.description,
	...message.description,
	...messageAction.description,
	...presence.description,
	...profile.description,
	...session.description,
	...settings.description,
	...webhook.description,
];

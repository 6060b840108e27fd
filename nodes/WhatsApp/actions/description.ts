import type { INodeProperties } from 'n8n-workflow';

import * as call from './call';
import * as chat from './chat';
import * as contact from './contact';
import * as event from './event';
import * as group from './group';
import * as instance from './instance';
import * as label from './label';
import * as media from './media';
import * as message from './message';
import * as messageAction from './messageAction';
import * as presence from './presence';
import * as privacy from './privacy';
import * as profile from './profile';
import * as session from './session';
import * as settings from './settings';
import * as status from './status';
import * as webhook from './webhook';

/** The node's parameters: the Resource dropdown, then each resource's Operation dropdown and fields. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Call', value: 'call', description: 'Reject incoming calls' },
			{ name: 'Chat', value: 'chat', description: 'Chats of a session' },
			{ name: 'Contact', value: 'contact', description: 'Look up users, resolve LIDs, manage the address book' },
			{ name: 'Event', value: 'event', description: "The session's durable event log" },
			{ name: 'Group', value: 'group', description: 'Groups: members, invites, join requests, settings and photos' },
			{ name: 'Instance', value: 'instance', description: 'Create, list, update and delete sessions' },
			{ name: 'Label', value: 'label', description: 'Business labels on chats and messages' },
			{ name: 'Media', value: 'media', description: 'Upload files and download received media' },
			{ name: 'Message', value: 'message', description: 'Send messages' },
			{ name: 'Message Action', value: 'messageAction', description: 'React to, edit, delete, star and mark messages' },
			{ name: 'Presence', value: 'presence', description: 'Online status and typing indicators' },
			{ name: 'Privacy', value: 'privacy', description: 'Privacy settings, default disappearing timer, blocklist' },
			{ name: 'Profile', value: 'profile', description: "The account's own name, about text and picture" },
			{ name: 'Session', value: 'session', description: 'Link, connect and disconnect a session' },
			{ name: 'Setting', value: 'settings', description: 'Per-session behaviour: API echo, call auto-reject, auto presence, event skips, proxy' },
			{ name: 'Status', value: 'status', description: 'Post text, image, video and voice status updates' },
			{ name: 'Webhook', value: 'webhook', description: 'Subscribe URLs to events; delivery statistics, dead letters, redelivery' },
		],
		default: 'message',
	},
	...call.description,
	...chat.description,
	...contact.description,
	...event.description,
	...group.description,
	...instance.description,
	...label.description,
	...media.description,
	...message.description,
	...messageAction.description,
	...presence.description,
	...privacy.description,
	...profile.description,
	...session.description,
	...settings.description,
	...status.description,
	...webhook.description,
];

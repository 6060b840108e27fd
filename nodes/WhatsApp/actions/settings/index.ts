import type { INodeProperties } from 'n8n-workflow';

import * as getApiEcho from './getApiEcho.operation';
import * as getAutoPresenceUnavailable from './getAutoPresenceUnavailable.operation';
import * as getCallAutoReject from './getCallAutoReject.operation';
import * as getGlobalTransportSkips from './getGlobalTransportSkips.operation';
import * as getSkipBroadcasts from './getSkipBroadcasts.operation';
import * as getSkipGroups from './getSkipGroups.operation';
import * as getSkipMediaDownload from './getSkipMediaDownload.operation';
import * as getSkipNewsletters from './getSkipNewsletters.operation';
import * as getSkipOwnMessages from './getSkipOwnMessages.operation';
import * as setApiEcho from './setApiEcho.operation';
import * as setAutoPresenceUnavailable from './setAutoPresenceUnavailable.operation';
import * as setCallAutoReject from './setCallAutoReject.operation';
import * as setGlobalTransportSkips from './setGlobalTransportSkips.operation';
import * as setProxy from './setProxy.operation';
import * as setSkipBroadcasts from './setSkipBroadcasts.operation';
import * as setSkipGroups from './setSkipGroups.operation';
import * as setSkipMediaDownload from './setSkipMediaDownload.operation';
import * as setSkipNewsletters from './setSkipNewsletters.operation';
import * as setSkipOwnMessages from './setSkipOwnMessages.operation';

export {
	getApiEcho,
	getAutoPresenceUnavailable,
	getCallAutoReject,
	getGlobalTransportSkips,
	getSkipBroadcasts,
	getSkipGroups,
	getSkipMediaDownload,
	getSkipNewsletters,
	getSkipOwnMessages,
	setApiEcho,
	setAutoPresenceUnavailable,
	setCallAutoReject,
	setGlobalTransportSkips,
	setProxy,
	setSkipBroadcasts,
	setSkipGroups,
	setSkipMediaDownload,
	setSkipNewsletters,
	setSkipOwnMessages,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['settings'] } },
		options: [
			{ name: 'Get API Echo', value: 'getApiEcho', description: 'Whether API sends are reported as message.sent events', action: 'Get the API echo setting' },
			{ name: 'Get Auto Presence Unavailable', value: 'getAutoPresenceUnavailable', description: 'Whether the session goes unavailable by itself', action: 'Get the auto presence setting' },
			{ name: 'Get Call Auto-Reject', value: 'getCallAutoReject', description: 'Whether incoming calls are declined, and the message to the caller', action: 'Get the call auto reject setting' },
			{ name: 'Get Global Transport Skips', value: 'getGlobalTransportSkips', description: "Whether the session's events skip webhooks for all sessions", action: 'Get the global transport skips' },
			{ name: 'Get Skip Broadcasts', value: 'getSkipBroadcasts', description: 'Whether broadcast and status events are dropped', action: 'Get the skip broadcasts setting' },
			{ name: 'Get Skip Groups', value: 'getSkipGroups', description: 'Whether group events are dropped', action: 'Get the skip groups setting' },
			{ name: 'Get Skip Media Download', value: 'getSkipMediaDownload', description: 'Whether received media is left undownloaded for the trigger', action: 'Get the skip media download setting' },
			{ name: 'Get Skip Newsletters', value: 'getSkipNewsletters', description: 'Whether newsletter events are dropped', action: 'Get the skip newsletters setting' },
			{ name: 'Get Skip Own Messages', value: 'getSkipOwnMessages', description: 'Whether own messages from other devices are dropped', action: 'Get the skip own messages setting' },
			{ name: 'Set API Echo', value: 'setApiEcho', description: 'Report API sends as message.sent events, or not', action: 'Set the API echo setting' },
			{ name: 'Set Auto Presence Unavailable', value: 'setAutoPresenceUnavailable', description: 'Go unavailable after connecting and after each send', action: 'Set the auto presence setting' },
			{ name: 'Set Call Auto-Reject', value: 'setCallAutoReject', description: 'Decline incoming calls and optionally message the caller', action: 'Set the call auto reject setting' },
			{ name: 'Set Global Transport Skips', value: 'setGlobalTransportSkips', description: "Keep the session's events out of webhooks for all sessions", action: 'Set the global transport skips' },
			{ name: 'Set Proxy', value: 'setProxy', description: 'Connect the session through an HTTP(S) or SOCKS5 proxy', action: 'Set the proxy of a session' },
			{ name: 'Set Skip Broadcasts', value: 'setSkipBroadcasts', description: 'Drop broadcast and status events, or not', action: 'Set the skip broadcasts setting' },
			{ name: 'Set Skip Groups', value: 'setSkipGroups', description: 'Drop group events, or not', action: 'Set the skip groups setting' },
			{ name: 'Set Skip Media Download', value: 'setSkipMediaDownload', description: 'Leave received media undownloaded for the trigger, or not', action: 'Set the skip media download setting' },
			{ name: 'Set Skip Newsletters', value: 'setSkipNewsletters', description: 'Drop newsletter events, or not', action: 'Set the skip newsletters setting' },
			{ name: 'Set Skip Own Messages', value: 'setSkipOwnMessages', description: 'Drop own messages sent from other devices, or not', action: 'Set the skip own messages setting' },
		],
		default: 'getApiEcho',
	},
	...getApiEcho.description,
	...getAutoPresenceUnavailable.description,
	...getCallAutoReject.description,
	...getGlobalTransportSkips.description,
	...getSkipBroadcasts.description,
	...getSkipGroups.description,
	...getSkipMediaDownload.description,
	...getSkipNewsletters.description,
	...getSkipOwnMessages.description,
	...setApiEcho.description,
	...setAutoPresenceUnavailable.description,
	...setCallAutoReject.description,
	...setGlobalTransportSkips.description,
	...setProxy.description,
	...setSkipBroadcasts.description,
	...setSkipGroups.description,
	...setSkipMediaDownload.description,
	...setSkipNewsletters.description,
	...setSkipOwnMessages.description,
];

import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The engine's public event types (the trigger offers the same list). */
export const eventTypeOptions: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every event, including types added later' },
	{ name: 'All Call Events', value: 'call.*', description: 'Calls offered, accepted and ended' },
	{ name: 'All Group Events', value: 'group.*', description: 'Joins, member changes, join requests, group settings' },
	{ name: 'All Label Events', value: 'label.*', description: 'Labels edited, deleted, added to or removed from chats' },
	{ name: 'All Message Events', value: 'message.*', description: 'Received, sent, receipts, reactions, edits, deletions' },
	{ name: 'All Newsletter Events', value: 'newsletter.*', description: 'Channel reactions, views, followers and settings' },
	{ name: 'Blocklist Update', value: 'blocklist.update' },
	{ name: 'Call Accepted', value: 'call.accept' },
	{ name: 'Call Ended', value: 'call.terminate' },
	{ name: 'Call Offered', value: 'call.offer', description: 'Someone is calling the session' },
	{ name: 'Chat Presence', value: 'chat.presence', description: 'Someone types or records audio in a chat' },
	{ name: 'Chat Update', value: 'chat.update', description: 'A chat was archived, pinned, muted or read' },
	{ name: 'Contact Update', value: 'contact.update' },
	{ name: 'Group Join Request', value: 'group.joinRequest', description: 'Someone asks to join a group that needs approval' },
	{ name: 'Group Joined', value: 'group.joined', description: 'The session was added to a group' },
	{ name: 'Group Participants', value: 'group.participants', description: 'Members added, removed, promoted or demoted' },
	{ name: 'Group Update', value: 'group.update', description: 'Subject, description or settings changed' },
	{ name: 'History Sync', value: 'history.sync' },
	{ name: 'Message Deleted', value: 'message.deleted', description: 'A message was deleted for this account' },
	{ name: 'Message Reaction', value: 'message.reaction' },
	{ name: 'Message Received', value: 'message.received', description: 'Someone wrote to the session' },
	{ name: 'Message Receipt', value: 'message.receipt', description: 'A message was delivered, read or played' },
	{ name: 'Message Revoked', value: 'message.revoked', description: 'A message was deleted for everyone' },
	{ name: 'Message Sent', value: 'message.sent', description: 'The session sent a message (from any device)' },
	{ name: 'Message Undecryptable', value: 'message.undecryptable', description: 'A message arrived that could not be decrypted' },
	{ name: 'Message Updated', value: 'message.updated', description: 'A message was edited' },
	{ name: 'Poll Vote', value: 'poll.vote', description: 'Someone voted on a poll the session sent' },
	{ name: 'Presence Update', value: 'presence.update', description: 'Someone came online or went offline' },
	{ name: 'Session Connected', value: 'session.connected' },
	{ name: 'Session Disconnected', value: 'session.disconnected' },
	{ name: 'Session Logged Out', value: 'session.loggedOut' },
	{ name: 'Session QR Code', value: 'session.qr', description: 'A new QR code to link the session' },
];

/** The subscription filters (engine: EventFilters) as an n8n collection. */
export const filterOptions: INodeProperties[] = [
	{
		displayName: 'Chat IDs',
		name: 'chatIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. +49 151 2345678, 120363000000000000@g.us',
		description: 'Only events of these chats: phone numbers or JIDs, separated by commas',
	},
	{
		displayName: 'Chat Types',
		name: 'chatTypes',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Broadcast / Status', value: 'broadcast' },
			{ name: 'Channel (Newsletter)', value: 'channel' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Group', value: 'group' },
		],
		description: 'Only events of these kinds of chat',
	},
	{
		displayName: 'Mentioning',
		name: 'mentions',
		type: 'string',
		default: '',
		placeholder: 'e.g. me, +49 151 2345678',
		description: 'Only messages that mention one of these (comma-separated); "me" is the session\'s own account',
	},
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'string',
		default: '',
		placeholder: 'e.g. text, image, document',
		description: 'Only messages of these content types (comma-separated): text, image, video, audio, document, sticker, reaction, …',
	},
	{
		displayName: 'Only Status Updates',
		name: 'onlyStatusUpdates',
		type: 'boolean',
		default: false,
		description: 'Whether to deliver only message status updates (delivered, read, played receipts)',
	},
	{
		displayName: 'Skip Broadcasts',
		name: 'skipBroadcasts',
		type: 'boolean',
		default: false,
		description: 'Whether to drop events of broadcast lists and status updates',
	},
	{
		displayName: 'Skip Groups',
		name: 'skipGroups',
		type: 'boolean',
		default: false,
		description: 'Whether to drop events of group chats',
	},
	{
		displayName: 'Skip Newsletters',
		name: 'skipNewsletters',
		type: 'boolean',
		default: false,
		description: 'Whether to drop events of channels (newsletters)',
	},
	{
		displayName: 'Skip Own Messages',
		name: 'skipOwnMessages',
		type: 'boolean',
		default: false,
		description: 'Whether to drop messages the session sent itself',
	},
];

export const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: filterOptions,
};

export const headersField: INodeProperties = {
	displayName: 'Custom Headers',
	name: 'headers',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Header',
	default: {},
	options: [
		{
			displayName: 'Header',
			name: 'header',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
	description: 'Extra HTTP headers the engine sends with every delivery',
};

export const webhookIdField: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wh_AbC123',
	description: 'ID of the webhook subscription',
};

const splitList = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

/** The collection's values as the engine's `filters` object (empty fields left out). */
export function toEngineFilters(filters: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const flag of ['skipGroups', 'skipNewsletters', 'skipBroadcasts', 'skipOwnMessages', 'onlyStatusUpdates']) {
		if (filters[flag] === true) out[flag] = true;
	}
	for (const list of ['chatIds', 'mentions', 'messageTypes']) {
		const values = splitList(filters[list]);
		if (values.length) out[list] = values;
	}
	const chatTypes = filters.chatTypes as string[] | undefined;
	if (chatTypes?.length) out.chatTypes = chatTypes;
	return out;
}

/** The fixedCollection's rows as a header object. */
export function toEngineHeaders(headers: IDataObject | undefined): IDataObject | undefined {
	const rows = (headers?.header as Array<{ name: string; value: string }> | undefined) ?? [];
	const out: IDataObject = {};
	for (const { name, value } of rows) if (name.trim()) out[name.trim()] = value;
	return Object.keys(out).length ? out : undefined;
}

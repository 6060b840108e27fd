import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from './sendOptions.description';

/** A group: picked from the session's groups, or given as its JID or bare id (the engine accepts both). */
export const groupLocator: INodeProperties = {
	displayName: 'Group',
	name: 'group',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The WhatsApp group',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchGroups', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 120363025246125486@g.us',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*\\d+(-\\d+)?(@g\\.us)?\\s*$',
						errorMessage: 'A group JID (…@g.us) or the bare group ID (digits)',
					},
				},
			],
		},
	],
};

/** The group of item `i` as picked or typed. */
export function getGroupId(ctx: IExecuteFunctions, i: number): string {
	return String(ctx.getNodeParameter('group', i, '', { extractValue: true }) ?? '').trim();
}

/** A comma-separated list of people (phone numbers or JIDs), as createGroup and the member operations take it. */
export function participantsField(description: string, name = 'participants', displayName = 'Participants'): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678, 491761234567',
		description,
	};
}

/** The people of a participants field of item `i`, one entry each. */
export function readParticipants(ctx: IExecuteFunctions, i: number, name = 'participants'): string[] {
	return splitList(ctx.getNodeParameter(name, i, ''));
}

/** WhatsApp's disappearing-message timers, as the engine names them. */
export const ephemeralOptions = [
	{ name: '24 Hours', value: '24h' },
	{ name: '7 Days', value: '7d' },
	{ name: '90 Days', value: '90d' },
	{ name: 'Off', value: 'off' },
];

/**
 * The settings a group is created with or changed to, for an Options/Update Fields collection; `extra` adds the
 * operation's own fields. Sorted by name, as n8n lists collection options.
 */
export function groupSettingFields(extra: INodeProperties[]): INodeProperties[] {
	return [
		...extra,
		{
			displayName: 'Approve New Members',
			name: 'joinApproval',
			type: 'boolean',
			default: false,
			description: 'Whether admins must approve people who join through the invite link',
		},
		{
			displayName: 'Disappearing Messages',
			name: 'ephemeral',
			type: 'options',
			options: ephemeralOptions,
			default: 'off',
		},
		{
			displayName: 'Only Admins Edit Group Info',
			name: 'locked',
			type: 'boolean',
			default: false,
			description: 'Whether only admins may change the name, description, photo and disappearing messages',
		},
		{
			displayName: 'Only Admins Send Messages',
			name: 'announce',
			type: 'boolean',
			default: false,
			description: 'Whether only admins may send messages to the group',
		},
	].sort((a, b) => a.displayName.localeCompare(b.displayName)) as INodeProperties[];
}

/** The group settings of an Options/Update Fields collection as the engine's body fields; empty ones are left out. */
export function groupSettings(values: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === 'admins') {
			const admins = splitList(value);
			if (admins.length > 0) body.admins = admins;
		} else if (value !== '' && value !== undefined && value !== null) body[key] = value;
	}
	return body;
}

import type { INodeProperties } from 'n8n-workflow';

import * as createGroup from './createGroup.operation';
import * as deleteGroup from './deleteGroup.operation';
import * as getGroupInfo from './getGroupInfo.operation';
import * as getGroupInviteInfo from './getGroupInviteInfo.operation';
import * as getGroupInviteLink from './getGroupInviteLink.operation';
import * as joinGroupViaInvite from './joinGroupViaInvite.operation';
import * as leaveGroup from './leaveGroup.operation';
import * as listGroupJoinRequests from './listGroupJoinRequests.operation';
import * as listGroups from './listGroups.operation';
import * as removeGroupPhoto from './removeGroupPhoto.operation';
import * as setGroupAnnounce from './setGroupAnnounce.operation';
import * as setGroupDescription from './setGroupDescription.operation';
import * as setGroupEphemeral from './setGroupEphemeral.operation';
import * as setGroupLocked from './setGroupLocked.operation';
import * as setGroupName from './setGroupName.operation';
import * as setGroupPhoto from './setGroupPhoto.operation';
import * as updateGroupInfo from './updateGroupInfo.operation';
import * as updateGroupJoinRequests from './updateGroupJoinRequests.operation';
import * as updateGroupParticipants from './updateGroupParticipants.operation';

export {
	createGroup,
	deleteGroup,
	getGroupInfo,
	getGroupInviteInfo,
	getGroupInviteLink,
	joinGroupViaInvite,
	leaveGroup,
	listGroupJoinRequests,
	listGroups,
	removeGroupPhoto,
	setGroupAnnounce,
	setGroupDescription,
	setGroupEphemeral,
	setGroupLocked,
	setGroupName,
	setGroupPhoto,
	updateGroupInfo,
	updateGroupJoinRequests,
	updateGroupParticipants,
};

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
				description: 'Create a group with the given members and settings',
				action: 'Create a group',
			},
			{
				name: 'Delete',
				value: 'deleteGroup',
				description: 'WhatsApp cannot delete groups: fails and says what to do instead',
				action: 'Delete a group',
			},
			{
				name: 'Get',
				value: 'getGroupInfo',
				description: 'Get name, description, settings and members of a group',
				action: 'Get a group',
			},
			{
				name: 'Get Invite Info',
				value: 'getGroupInviteInfo',
				description: 'Preview a group from its invite link without joining',
				action: 'Get group invite info',
			},
			{
				name: 'Get Invite Link',
				value: 'getGroupInviteLink',
				description: 'Get the invite link of a group, optionally resetting it',
				action: 'Get a group invite link',
			},
			{
				name: 'Get Join Requests',
				value: 'listGroupJoinRequests',
				description: 'List pending requests to join a group',
				action: 'Get group join requests',
			},
			{
				name: 'Get Many',
				value: 'listGroups',
				description: 'List the groups the session is a member of',
				action: 'Get many groups',
			},
			{
				name: 'Join via Invite',
				value: 'joinGroupViaInvite',
				description: 'Join a group by invite link or code',
				action: 'Join a group via invite',
			},
			{
				name: 'Leave',
				value: 'leaveGroup',
				description: 'Leave a group',
				action: 'Leave a group',
			},
			{
				name: 'Remove Photo',
				value: 'removeGroupPhoto',
				description: 'Remove the group photo',
				action: 'Remove a group photo',
			},
			{
				name: 'Set Announce',
				value: 'setGroupAnnounce',
				description: 'Let only admins, or everyone, send messages',
				action: 'Set group announce mode',
			},
			{
				name: 'Set Description',
				value: 'setGroupDescription',
				description: 'Set or remove the group description',
				action: 'Set a group description',
			},
			{
				name: 'Set Disappearing Messages',
				value: 'setGroupEphemeral',
				description: "Set the group's disappearing-messages timer",
				action: 'Set group disappearing messages',
			},
			{
				name: 'Set Locked',
				value: 'setGroupLocked',
				description: 'Let only admins, or everyone, edit the group info',
				action: 'Set group locked mode',
			},
			{
				name: 'Set Name',
				value: 'setGroupName',
				description: 'Rename a group',
				action: 'Set a group name',
			},
			{
				name: 'Set Photo',
				value: 'setGroupPhoto',
				description: 'Set the group photo from binary data, a URL or base64',
				action: 'Set a group photo',
			},
			{
				name: 'Update',
				value: 'updateGroupInfo',
				description: 'Change several group properties at once',
				action: 'Update a group',
			},
			{
				name: 'Update Join Requests',
				value: 'updateGroupJoinRequests',
				description: 'Approve or reject pending join requests',
				action: 'Update group join requests',
			},
			{
				name: 'Update Members',
				value: 'updateGroupParticipants',
				description: 'Add, remove, promote or demote members',
				action: 'Update group members',
			},
		],
		default: 'createGroup',
	},
	...createGroup.description,
	...deleteGroup.description,
	...getGroupInfo.description,
	...getGroupInviteInfo.description,
	...getGroupInviteLink.description,
	...joinGroupViaInvite.description,
	...leaveGroup.description,
	...listGroupJoinRequests.description,
	...listGroups.description,
	...removeGroupPhoto.description,
	...setGroupAnnounce.description,
	...setGroupDescription.description,
	...setGroupEphemeral.description,
	...setGroupLocked.description,
	...setGroupName.description,
	...setGroupPhoto.description,
	...updateGroupInfo.description,
	...updateGroupJoinRequests.description,
	...updateGroupParticipants.description,
];

import type { AnyOperation } from '../registry.js';
import createGroup from './createGroup.js';
import deleteGroup from './deleteGroup.js';
import getGroupInfo from './getGroupInfo.js';
import getGroupInviteInfo from './getGroupInviteInfo.js';
import getGroupInviteLink from './getGroupInviteLink.js';
import joinGroupViaInvite from './joinGroupViaInvite.js';
import leaveGroup from './leaveGroup.js';
import listGroupJoinRequests from './listGroupJoinRequests.js';
import listGroups from './listGroups.js';
import removeGroupPhoto from './removeGroupPhoto.js';
import setGroupAnnounce from './setGroupAnnounce.js';
import setGroupDescription from './setGroupDescription.js';
import setGroupEphemeral from './setGroupEphemeral.js';
import setGroupLocked from './setGroupLocked.js';
import setGroupName from './setGroupName.js';
import setGroupPhoto from './setGroupPhoto.js';
import updateGroupInfo from './updateGroupInfo.js';
import updateGroupJoinRequests from './updateGroupJoinRequests.js';
import updateGroupParticipants from './updateGroupParticipants.js';

/**
 * The group resource's operations, in the order the docs list them. Routes are matched in this order, so the fixed
 * paths (`/groups/join`, `/groups/invite-info`) come before `/groups/{group}`.
 */
export const groupOperations: AnyOperation[] = [
	listGroups,
	createGroup,
	joinGroupViaInvite,
	getGroupInviteInfo,
	getGroupInfo,
	updateGroupInfo,
	deleteGroup,
	updateGroupParticipants,
	getGroupInviteLink,
	listGroupJoinRequests,
	updateGroupJoinRequests,
	leaveGroup,
	setGroupPhoto,
	removeGroupPhoto,
	setGroupName,
	setGroupDescription,
	setGroupLocked,
	setGroupAnnounce,
	setGroupEphemeral,
];

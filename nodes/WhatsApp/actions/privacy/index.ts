import type { INodeProperties } from 'n8n-workflow';

import * as getBlocklist from './getBlocklist.operation';
import * as getPrivacySettings from './getPrivacySettings.operation';
import * as getStatusPrivacy from './getStatusPrivacy.operation';
import * as listStatusAudience from './listStatusAudience.operation';
import * as setDefaultDisappearingTimer from './setDefaultDisappearingTimer.operation';
import * as updateBlocklist from './updateBlocklist.operation';
import * as updatePrivacySetting from './updatePrivacySetting.operation';

export { getBlocklist, getPrivacySettings, getStatusPrivacy, listStatusAudience, setDefaultDisappearingTimer, updateBlocklist, updatePrivacySetting };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['privacy'] } },
		options: [
			{
				name: 'Block or Unblock',
				value: 'updateBlocklist',
				description: 'Block or unblock one or more contacts',
				action: 'Block or unblock contacts',
			},
			{
				name: 'Get Blocklist',
				value: 'getBlocklist',
				description: 'Get the blocked contacts',
				action: 'Get the blocklist',
			},
			{
				name: 'Get Settings',
				value: 'getPrivacySettings',
				description: 'Get every privacy setting of the account',
				action: 'Get privacy settings',
			},
			{
				name: 'Get Status Audience',
				value: 'listStatusAudience',
				description: "List the audience lists of the account's status updates",
				action: 'Get the status audience',
			},
			{
				name: 'Get Status Privacy',
				value: 'getStatusPrivacy',
				description: "Get who can see the account's status",
				action: 'Get status privacy',
			},
			{
				name: 'Set Default Disappearing Timer',
				value: 'setDefaultDisappearingTimer',
				description: 'Set the default disappearing-message timer for new chats',
				action: 'Set the default disappearing timer',
			},
			{
				name: 'Update Setting',
				value: 'updatePrivacySetting',
				description: 'Change one privacy setting',
				action: 'Update a privacy setting',
			},
		],
		default: 'getPrivacySettings',
	},
	...getBlocklist.description,
	...getPrivacySettings.description,
	...getStatusPrivacy.description,
	...listStatusAudience.description,
	...setDefaultDisappearingTimer.description,
	...updateBlocklist.description,
	...updatePrivacySetting.description,
];

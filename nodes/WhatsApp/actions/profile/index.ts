import type { INodeProperties } from 'n8n-workflow';

import * as getAbout from './getAbout.operation';
import * as removeProfilePicture from './removeProfilePicture.operation';
import * as setAbout from './setAbout.operation';
import * as setProfilePicture from './setProfilePicture.operation';
import * as setPushName from './setPushName.operation';

export { getAbout, removeProfilePicture, setAbout, setProfilePicture, setPushName };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['profile'] } },
		options: [
			{
				name: 'Get About',
				value: 'getAbout',
				description: "The account's own about text",
				action: 'Get the about text',
			},
			{
				name: 'Remove Picture',
				value: 'removeProfilePicture',
				description: "Remove the account's profile picture",
				action: 'Remove the profile picture',
			},
			{
				name: 'Set About',
				value: 'setAbout',
				description: "Set the account's about text",
				action: 'Set the about text',
			},
			{
				name: 'Set Name',
				value: 'setPushName',
				description: "Change the account's display name that people see on its messages",
				action: 'Set the display name',
			},
			{
				name: 'Set Picture',
				value: 'setProfilePicture',
				description: "Set the account's profile picture from binary data, a URL or base64",
				action: 'Set the profile picture',
			},
		],
		default: 'setAbout',
	},
	...getAbout.description,
	...removeProfilePicture.description,
	...setAbout.description,
	...setProfilePicture.description,
	...setPushName.description,
];

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/privacy' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Setting',
		name: 'setting',
		type: 'options',
		options: [
			{ name: 'Calls', value: 'call_add', description: 'Who can call: everyone or known contacts' },
			{ name: 'Groups', value: 'group_add', description: 'Who can add the account to groups: everyone, contacts, or contacts except some' },
			{ name: 'Last Seen', value: 'last_seen', description: 'Who sees when the account was last online' },
			{ name: 'Online', value: 'online', description: 'Who sees when the account is online: everyone, or the same as last seen' },
			{ name: 'Profile Photo', value: 'profile', description: 'Who sees the profile photo' },
			{ name: 'Read Receipts', value: 'read_receipts', description: 'Whether read receipts are sent: everyone or nobody' },
			{ name: 'Status', value: 'status', description: 'Who sees the status' },
		],
		default: 'last_seen',
		description: 'The privacy setting to change',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'options',
		options: [
			{ name: 'Contacts', value: 'contacts' },
			{ name: 'Contacts Except…', value: 'contact_blacklist', description: 'Contacts except those excluded on the phone' },
			{ name: 'Everyone', value: 'all' },
			{ name: 'Known Contacts', value: 'known', description: 'Calls only' },
			{ name: 'Nobody', value: 'none' },
			{ name: 'Same as Last Seen', value: 'match_last_seen', description: 'Online only' },
		],
		default: 'contacts',
		description:
			'Each setting takes only what WhatsApp accepts for it: Last Seen, Profile Photo and Status any of Everyone, Contacts, Contacts Except…, Nobody; Online Everyone or Same as Last Seen; Read Receipts Everyone or Nobody; Groups Everyone, Contacts or Contacts Except…; Calls Everyone or Known Contacts',
	},
];

const displayOptions = { show: { resource: ['privacy'], operation: ['updatePrivacySetting'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { setting: this.getNodeParameter('setting', i) as string, value: this.getNodeParameter('value', i) as string };
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

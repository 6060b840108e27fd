import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator, participantsField, readParticipants } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/groups/{group}/participants' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Action',
		name: 'participantAction',
		type: 'options',
		options: [
			{ name: 'Add', value: 'add', description: 'Add them to the group' },
			{ name: 'Demote', value: 'demote', description: 'Take their admin rights' },
			{ name: 'Promote', value: 'promote', description: 'Make them admins' },
			{ name: 'Remove', value: 'remove', description: 'Remove them from the group' },
		],
		default: 'add',
	},
	participantsField(
		'Comma-separated phone numbers or JIDs. Each comes back with its own status; a 403 on add means their privacy settings refuse it: send them an invitation (Message → Send Group Invite) instead.',
	),
];

const displayOptions = { show: { resource: ['group'], operation: ['updateGroupParticipants'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { action: this.getNodeParameter('participantAction', i) as string, participants: readParticipants(this, i) };
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { body, itemIndex: i });
}

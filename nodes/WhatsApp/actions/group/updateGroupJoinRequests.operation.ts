import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator, participantsField, readParticipants } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/groups/{group}/join-requests' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Action',
		name: 'requestAction',
		type: 'options',
		options: [
			{ name: 'Approve', value: 'approve', description: 'Let them into the group' },
			{ name: 'Reject', value: 'reject', description: 'Turn their request down' },
		],
		default: 'approve',
	},
	participantsField('Comma-separated phone numbers or JIDs of people with a pending request'),
];

const displayOptions = { show: { resource: ['group'], operation: ['updateGroupJoinRequests'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { action: this.getNodeParameter('requestAction', i) as string, participants: readParticipants(this, i) };
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { body, itemIndex: i });
}

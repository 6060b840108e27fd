import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/groups/{group}/announce' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Only Admins Send Messages',
		name: 'announce',
		type: 'boolean',
		default: true,
		description: 'Whether only admins may send messages to the group',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setGroupAnnounce'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { announce: this.getNodeParameter('announce', i) as boolean };
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { body, itemIndex: i });
}

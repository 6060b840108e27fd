import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/groups/{group}/locked' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Only Admins Edit Group Info',
		name: 'locked',
		type: 'boolean',
		default: true,
		description: 'Whether only admins may change the name, description, photo and disappearing messages',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setGroupLocked'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { locked: this.getNodeParameter('locked', i) as boolean };
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { body, itemIndex: i });
}

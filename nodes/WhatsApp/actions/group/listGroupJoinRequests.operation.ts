import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/groups/{group}/join-requests' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
];

const displayOptions = { show: { resource: ['group'], operation: ['listGroupJoinRequests'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { itemIndex: i });
}

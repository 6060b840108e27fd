import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/groups/{group}/invite-link' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Reset Link',
		name: 'reset',
		type: 'boolean',
		default: false,
		description: 'Whether to revoke the current link first, so that it stops working, and return a new one',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['getGroupInviteLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const reset = this.getNodeParameter('reset', i, false) as boolean;
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { qs: reset ? { reset: true } : undefined, itemIndex: i });
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { ephemeralOptions, getGroupId, groupLocator } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/groups/{group}/ephemeral' };

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Disappearing Messages',
		name: 'duration',
		type: 'options',
		options: ephemeralOptions,
		default: '7d',
		description: 'How long new messages in the group stay',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['setGroupEphemeral'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { duration: this.getNodeParameter('duration', i) as string };
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { body, itemIndex: i });
}

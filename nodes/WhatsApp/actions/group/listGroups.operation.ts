import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import { optional } from '../../helpers/values';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/groups' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Include Members',
		name: 'includeParticipants',
		type: 'boolean',
		default: true,
		description: 'Whether to include the member list of each group',
	},
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only groups whose name or ID contains this text',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['listGroups'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const qs: IDataObject = {
		ignoreParticipants: !(this.getNodeParameter('includeParticipants', i, true) as boolean),
		...optional('search', this.getNodeParameter('search', i, '') as string),
	};
	return await engineApiRequest<IDataObject[]>(this, route.method, routePath(route, { session }), { qs, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/lid-mappings' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 50,
		description: 'Max number of results to return',
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['listLidMappings'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per mapping, so a workflow can loop over them. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const qs: IDataObject = { limit: this.getNodeParameter('limit', i, 50) as number };
	const answer = await engineApiRequest<{ mappings: IDataObject[] }>(this, route.method, routePath(route, { session }), { qs, itemIndex: i });
	return answer.mappings;
}

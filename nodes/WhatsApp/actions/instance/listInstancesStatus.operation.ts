import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions-status' };

const properties: INodeProperties[] = [
	{
		displayName: 'Session IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: 'e.g. shop, support',
		description: 'Comma-separated session IDs; leave empty for all sessions',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 50,
		description: 'Max number of results to return',
	},
];

const displayOptions = { show: { resource: ['instance'], operation: ['listInstancesStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const ids = (this.getNodeParameter('ids', i, '') as string).trim();
	const qs: IDataObject = { limit: this.getNodeParameter('limit', i, 50) as number, ...(ids && { ids }) };
	const answer = await engineApiRequest<{ items: IDataObject[] }>(this, route.method, routePath(route), { qs, itemIndex: i });
	return answer.items;
}

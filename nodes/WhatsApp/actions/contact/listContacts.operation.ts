import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/contacts' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. Alice or +49151',
		description: 'Only contacts whose ID, phone number, LID or a name contains this',
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

const displayOptions = { show: { resource: ['contact'], operation: ['listContacts'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const search = (this.getNodeParameter('search', i, '') as string).trim();
	const qs: IDataObject = { limit: this.getNodeParameter('limit', i, 50) as number, ...(search && { search }) };
	return await engineApiRequest<IDataObject[]>(this, route.method, routePath(route, { session }), { qs, itemIndex: i });
}

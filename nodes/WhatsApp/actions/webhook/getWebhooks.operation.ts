import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/webhooks' };

const properties: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'session',
		type: 'string',
		default: '',
		description: "Only this session's subscriptions; leave empty for all the API key may see",
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['getWebhooks'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = (this.getNodeParameter('session', i, '') as string).trim();
	const qs: IDataObject = session ? { session } : {};
	return await engineApiRequest<IDataObject[]>(this, route.method, routePath(route), { qs, itemIndex: i });
}

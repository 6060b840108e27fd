import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/device-platforms/{platformId}' };

const properties: INodeProperties[] = [
	{
		displayName: 'Platform Code',
		name: 'platformId',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'The platform number a device announces when it links, e.g. 1 (Chrome) or 14 (iPhone)',
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['getDevicePlatform'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const platformId = String(this.getNodeParameter('platformId', i));
	return await engineApiRequest<IDataObject>(this, route.method, routePath(route, { platformId }), { itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/presence' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Presence',
		name: 'type',
		type: 'options',
		default: 'available',
		options: [
			{
				name: 'Available',
				value: 'available'
			},
			{
				name: 'Unavailable',
				value: 'unavailable'
			}
		]
	},
];

const displayOptions = { show: { resource: ['presence'], operation: ['sendPresence'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		type: this.getNodeParameter('type', i) as string,
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

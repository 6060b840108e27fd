import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/lid/{phone}' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678',
		description: 'Phone number with country code',
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['getLidForPhone'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const phone = (this.getNodeParameter('phone', i) as string).trim();
	return await engineApiRequest<IDataObject>(this, route.method, routePath(route, { session, phone }), { itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/profile/name' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'The name people see on messages from this account (up to 25 characters)',
	},
];

const displayOptions = { show: { resource: ['profile'], operation: ['setPushName'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { name: (this.getNodeParameter('name', i) as string).trim() };
	return await engineApiRequest<IDataObject>(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PATCH', path: '/api/sessions/{session}' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "A new API key for the session, at least 16 characters. The old key stops working at once.",
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'New display name of the session',
			},
		],
	},
];

const displayOptions = { show: { resource: ['instance'], operation: ['updateInstanceCredentials'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const updateFields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (updateFields.name) body.name = updateFields.name;
	if (updateFields.apiKey) body.apiKey = updateFields.apiKey;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			description: 'Add a new name, a new API key or both under Update Fields',
			itemIndex: i,
		});
	}
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/lid/{lid}/phone' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'LID',
		name: 'lid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123456789012345@lid',
		description: "WhatsApp's phone-number-free ID of the person. Only mappings the session has learned are known.",
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['getPhoneForLid'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const lid = (this.getNodeParameter('lid', i) as string).trim();
	return await engineApiRequest<IDataObject>(this, route.method, routePath(route, { session, lid }), { itemIndex: i });
}

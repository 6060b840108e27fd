import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { optional } from '../../helpers/values';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { contactField, getContact } from './fields';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/contacts/{contact}' };

const properties: INodeProperties[] = [
	sessionLocator,
	contactField,
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		required: true,
		default: '',
		description: 'The name the address book shows for the contact',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['upsertContact'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const path = routePath(route, { session, contact: getContact(this, i) });
	const body: IDataObject = {
		fullName: (this.getNodeParameter('fullName', i) as string).trim(),
		...optional('firstName', (this.getNodeParameter('firstName', i, '') as string).trim()),
	};
	return await engineApiRequest<IDataObject>(this, route.method, path, { body, itemIndex: i });
}

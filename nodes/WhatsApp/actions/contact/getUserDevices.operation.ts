import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { getPhones, phonesField } from './fields';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/contacts/devices' };

const properties: INodeProperties[] = [sessionLocator, phonesField];

const displayOptions = { show: { resource: ['contact'], operation: ['getUserDevices'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { phones: getPhones(this, i) };
	return await engineApiRequest<IDataObject[]>(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

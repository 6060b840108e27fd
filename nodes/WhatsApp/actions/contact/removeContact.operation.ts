import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { contactField, getContact } from './fields';

export const route: EngineRoute = { method: 'DELETE', path: '/api/sessions/{session}/contacts/{contact}' };

const properties: INodeProperties[] = [sessionLocator, contactField];

const displayOptions = { show: { resource: ['contact'], operation: ['removeContact'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const path = routePath(route, { session, contact: getContact(this, i) });
	return await engineApiRequest<IDataObject>(this, route.method, path, { itemIndex: i });
}

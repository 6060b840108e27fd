import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/devices' };

const properties: INodeProperties[] = [];

const displayOptions = { show: { resource: ['session'], operation: ['listAppDevices'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	return await engineApiRequest<IDataObject[]>(this, route.method, routePath(route), { itemIndex: i });
}

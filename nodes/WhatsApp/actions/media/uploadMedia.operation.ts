import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/media' };

const properties: INodeProperties[] = [
	sessionLocator,
	...mediaFields('uploadMedia', 'File'),
];

const displayOptions = { show: { resource: ['media'], operation: ['uploadMedia'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		media: await readMedia(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/profile/about' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'About',
		name: 'about',
		type: 'string',
		required: true,
		default: '',
		description: 'The about text (up to 139 characters)',
	},
];

const displayOptions = { show: { resource: ['profile'], operation: ['setAbout'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { about: this.getNodeParameter('about', i) as string };
	return await engineApiRequest<IDataObject>(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

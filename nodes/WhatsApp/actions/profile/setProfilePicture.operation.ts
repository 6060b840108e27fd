import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/profile/picture' };

const properties: INodeProperties[] = [sessionLocator, ...mediaFields('setProfilePicture', 'Image')];

const displayOptions = { show: { resource: ['profile'], operation: ['setProfilePicture'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { image: await readMedia(this, i) };
	return await engineApiRequest<IDataObject>(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

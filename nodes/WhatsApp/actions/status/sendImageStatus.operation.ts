import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, sessionLocator } from '../../descriptions';
import { optional } from '../../helpers/values';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { captionField, readRecipients, recipientsField } from './shared';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/statuses/image' };

const properties: INodeProperties[] = [sessionLocator, ...mediaFields('sendImageStatus', 'Image'), captionField, recipientsField];

const displayOptions = { show: { resource: ['status'], operation: ['sendImageStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		image: await readMedia(this, i),
		...optional('caption', this.getNodeParameter('caption', i, '') as string),
		...readRecipients(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

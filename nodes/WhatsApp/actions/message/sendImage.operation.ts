import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, recipientField, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/image' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	...mediaFields('sendImage', 'Image'),
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		typeOptions: { rows: 2 },
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['sendImage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const caption = this.getNodeParameter('caption', i, '') as string;
	const body: IDataObject = {
		to: this.getNodeParameter('to', i) as string,
		image: await readMedia(this, i),
		...(caption && { caption }),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

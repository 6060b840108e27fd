import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import { optional } from '../../helpers/values';
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
		typeOptions: {
			rows: 2
		}
	},
	sendOptions([
		{
			displayName: 'View Once',
			name: 'viewOnce',
			type: 'boolean',
			default: false,
			description: 'Whether the recipient can open it only once'
		}
	], { mentions: true }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendImage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		image: await readMedia(this, i),
		...optional('caption', this.getNodeParameter('caption', i, '') as string),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

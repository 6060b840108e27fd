import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/sticker' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	...mediaFields('sendSticker', 'Sticker'),
	sendOptions([
		{
			displayName: 'Animated',
			name: 'animated',
			type: 'boolean',
			default: false,
			description: 'Whether the WebP is animated'
		}
	], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendSticker'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		sticker: await readMedia(this, i),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatField, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/{messageId}/revoke' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatField,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		description: 'The WhatsApp message ID, from an event or an earlier send',
	},
];

const displayOptions = { show: { resource: ['messageAction'], operation: ['revokeMessage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		chat: this.getNodeParameter('chat', i) as string,
	};
	return await engineApiRequest(this, route.method, routePath(route, { session, messageId: this.getNodeParameter('messageId', i) as string }), { body, itemIndex: i });
}

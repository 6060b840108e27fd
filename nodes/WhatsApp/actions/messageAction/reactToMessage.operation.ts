import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatField, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/{messageId}/reaction' };

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
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '👍',
		description: 'One emoji; empty removes the reaction',
	},
];

const displayOptions = { show: { resource: ['messageAction'], operation: ['reactToMessage'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		chat: this.getNodeParameter('chat', i) as string,
		emoji: this.getNodeParameter('emoji', i, '') as string,
	};
	return await engineApiRequest(this, route.method, routePath(route, { session, messageId: this.getNodeParameter('messageId', i) as string }), { body, itemIndex: i });
}

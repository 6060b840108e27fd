import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatField, getSessionId, sessionLocator, splitList } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/read' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatField,
	{
		displayName: 'Message IDs',
		name: 'messageIds',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated message IDs of one chat',
	},
];

const displayOptions = { show: { resource: ['messageAction'], operation: ['markAsRead'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		chat: this.getNodeParameter('chat', i) as string,
		messageIds: splitList(this.getNodeParameter('messageIds', i)),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, getRecipient, recipientField, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/chat-presence' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		default: 'composing',
		options: [
			{
				name: 'Paused (Stop)',
				value: 'paused'
			},
			{
				name: 'Recording Audio',
				value: 'recording'
			},
			{
				name: 'Typing',
				value: 'composing'
			}
		]
	},
];

const displayOptions = { show: { resource: ['presence'], operation: ['sendChatPresence'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		state: this.getNodeParameter('state', i) as string,
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

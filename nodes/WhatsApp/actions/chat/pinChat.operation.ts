import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatLocatorField, getRecipient, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/chats/{chat}/pin' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatLocatorField,
	{
		displayName: 'Pin',
		name: 'pin',
		type: 'boolean',
		default: true,
		description: 'Whether to pin (on) or unpin (off) the chat',
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['pinChat'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const chat = getRecipient(this, i, 'chat');
	const body: IDataObject = { pin: this.getNodeParameter('pin', i, true) as boolean };
	return await engineApiRequest(this, route.method, routePath(route, { session, chat }), { body, itemIndex: i });
}

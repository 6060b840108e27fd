import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatLocatorField, getRecipient, getSessionId, lastMessageOption, readLastMessage, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'DELETE', path: '/api/sessions/{session}/chats/{chat}' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatLocatorField,
	lastMessageOption,
];

const displayOptions = { show: { resource: ['chat'], operation: ['deleteChat'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const chat = getRecipient(this, i, 'chat');
	return await engineApiRequest(this, route.method, routePath(route, { session, chat }), { body: readLastMessage(this, i), itemIndex: i });
}

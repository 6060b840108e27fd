import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatLocatorField, getRecipient, getSessionId, lastMessageOption, readLastMessage, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/chats/{chat}/archive' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatLocatorField,
	{
		displayName: 'Archive',
		name: 'archive',
		type: 'boolean',
		default: true,
		description: 'Whether to archive (on) or unarchive (off) the chat',
	},
	lastMessageOption,
];

const displayOptions = { show: { resource: ['chat'], operation: ['archiveChat'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const chat = getRecipient(this, i, 'chat');
	const body: IDataObject = { archive: this.getNodeParameter('archive', i, true) as boolean, ...readLastMessage(this, i) };
	return await engineApiRequest(this, route.method, routePath(route, { session, chat }), { body, itemIndex: i });
}

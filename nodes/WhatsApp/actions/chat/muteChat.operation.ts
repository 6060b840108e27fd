import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatLocatorField, getRecipient, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/chats/{chat}/mute' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatLocatorField,
	{
		displayName: 'Mute',
		name: 'mute',
		type: 'boolean',
		default: true,
		description: 'Whether to mute (on) or unmute (off) the chat',
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'options',
		options: [
			{ name: '8 Hours', value: '8h' },
			{ name: '1 Week', value: '1w' },
			{ name: 'Always', value: 'always' },
		],
		default: 'always',
		displayOptions: { show: { mute: [true] } },
		description: 'How long the chat stays muted',
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['muteChat'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const chat = getRecipient(this, i, 'chat');
	const mute = this.getNodeParameter('mute', i, true) as boolean;
	const body: IDataObject = { mute, ...(mute && { duration: this.getNodeParameter('duration', i, 'always') as string }) };
	return await engineApiRequest(this, route.method, routePath(route, { session, chat }), { body, itemIndex: i });
}

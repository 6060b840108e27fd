import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/audio' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	...mediaFields('sendAudio', 'Audio'),
	{
		displayName: 'Voice Note',
		name: 'voiceNote',
		type: 'boolean',
		default: false,
		description: 'Whether to send it as a voice note (push-to-talk); use OGG/Opus audio',
	},
	sendOptions([
		{
			displayName: 'View Once',
			name: 'viewOnce',
			type: 'boolean',
			default: false,
			description: 'Whether the recipient can open it only once'
		}
	], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendAudio'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		audio: await readMedia(this, i),
		...(this.getNodeParameter('voiceNote', i, false) ? { voiceNote: true } : {}),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

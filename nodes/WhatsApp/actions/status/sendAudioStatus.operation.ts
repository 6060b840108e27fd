import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { readRecipients, recipientsField } from './shared';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/statuses/audio' };

const properties: INodeProperties[] = [
	sessionLocator,
	...mediaFields('sendAudioStatus', 'Audio'),
	{
		displayName: 'Voice Note',
		name: 'voiceNote',
		type: 'boolean',
		default: false,
		description: 'Whether to post it as a voice note (OGG/Opus)',
	},
	{
		displayName: 'Background Color',
		name: 'backgroundColor',
		type: 'color',
		default: '',
		description: 'Colour behind the voice note; leave empty for WhatsApp\'s default',
		displayOptions: { show: { voiceNote: [true] } },
	},
	recipientsField,
];

const displayOptions = { show: { resource: ['status'], operation: ['sendAudioStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const voiceNote = this.getNodeParameter('voiceNote', i, false) as boolean;
	const backgroundColor = voiceNote ? (this.getNodeParameter('backgroundColor', i, '') as string) : '';
	const body: IDataObject = {
		audio: await readMedia(this, i),
		voiceNote,
		...(backgroundColor && { backgroundColor }),
		...readRecipients(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

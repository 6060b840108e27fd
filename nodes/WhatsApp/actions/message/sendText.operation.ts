import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, recipientField, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/text' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The message text. WhatsApp formatting (*bold*, _italic_, ~strike~) is kept as typed.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Mentions',
				name: 'mentions',
				type: 'string',
				default: '',
				placeholder: 'e.g. +49 151 2345678, 491761234567',
				description:
					'Comma-separated phone numbers or JIDs of people to @mention; also write @ followed by their number in the text',
			},
		],
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['sendText'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: this.getNodeParameter('to', i) as string,
		text: this.getNodeParameter('text', i) as string,
	};
	const additionalFields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const mentions = String(additionalFields.mentions ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	if (mentions.length > 0) body.mentions = mentions;
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
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
		default: '',
		required: true,
		typeOptions: {
			rows: 4
		},
		description: 'The message text. WhatsApp formatting (*bold*, _italic_, ~strike~) is kept as typed.',
	},
	sendOptions([
		{
			displayName: 'Link Preview',
			name: 'linkPreview',
			type: 'boolean',
			default: false,
			description: 'Whether to show a preview of the first URL in the text (the engine fetches the page)'
		}
	], { mentions: true }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendText'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		text: this.getNodeParameter('text', i) as string,
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

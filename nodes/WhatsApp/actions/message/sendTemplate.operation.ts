import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import { optional, parseJson } from '../../helpers/values';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/template' };

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
			rows: 2
		}
	},
	{
		displayName: 'Buttons (JSON)',
		name: 'buttons',
		type: 'json',
		default: '[{"type":"reply","text":"Yes","id":"yes"},{"type":"url","text":"Open","url":"https://example.com"}]',
		required: true,
		description: 'Up to 5 buttons: {type: reply, text, ID}, {type: URL, text, URL} or {type: call, text, phone}',
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendTemplate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		text: this.getNodeParameter('text', i) as string,
		buttons: parseJson(this, i, 'buttons'),
		...optional('footer', this.getNodeParameter('footer', i, '') as string),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import { optional, parseJson } from '../../helpers/values';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/native-flow' };

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
		default: '[{"name":"quick_reply","params":{"display_text":"Yes","id":"yes"}}]',
		required: true,
		description: 'Native-flow buttons: {name, params}',
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendNativeFlow'] } };

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

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import { optional, parseJson } from '../../helpers/values';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/list' };

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
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		default: '',
		required: true,
		description: 'Label of the button that opens the list',
	},
	{
		displayName: 'Sections (JSON)',
		name: 'sections',
		type: 'json',
		default: '[{"title":"Sizes","rows":[{"id":"s","title":"Small"},{"id":"m","title":"Medium"}]}]',
		required: true,
		description: 'Array of sections, each with a title and rows of ID, title and optional description',
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendList'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		text: this.getNodeParameter('text', i) as string,
		buttonText: this.getNodeParameter('buttonText', i) as string,
		sections: parseJson(this, i, 'sections'),
		...optional('footer', this.getNodeParameter('footer', i, '') as string),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

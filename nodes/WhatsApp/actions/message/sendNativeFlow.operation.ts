import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/native-flow' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		"displayName": "Text",
		"name": "text",
		"type": "string",
		"default": "",
		"required": true,
		"typeOptions": {
			"rows": 2
		}
	},
	{
		"displayName": "Buttons (JSON)",
		"name": "buttons",
		"type": "json",
		"default": "[{\"name\":\"quick_reply\",\"params\":{\"display_text\":\"Yes\",\"id\":\"yes\"}}]",
		"required": true,
		"description": "Native-flow buttons: {name, params}"
	},
	{
		"displayName": "Footer",
		"name": "footer",
		"type": "string",
		"default": ""
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendNativeFlow'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `{ [key]: value }` when the value is not empty, else nothing. */
const optional = (key: string, value: string): IDataObject => (value.trim() === '' ? {} : { [key]: value });

function parseJson(ctx: IExecuteFunctions, i: number, name: string): IDataObject | IDataObject[] {
	const value = ctx.getNodeParameter(name, i);
	if (typeof value !== 'string') return value as IDataObject | IDataObject[];
	try {
		return JSON.parse(value) as IDataObject | IDataObject[];
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The field "${name}" is not valid JSON`, { itemIndex: i });
	}
}

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

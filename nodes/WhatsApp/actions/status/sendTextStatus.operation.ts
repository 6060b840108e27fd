import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { readRecipients, recipientsField } from './shared';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/statuses/text' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '',
		required: true,
		typeOptions: { rows: 3 },
		description: 'Up to 650 characters',
	},
	recipientsField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Background Color', name: 'backgroundColor', type: 'color', default: '#000000' },
			{
				displayName: 'Font',
				name: 'font',
				type: 'options',
				default: 'system',
				options: [
					{ name: 'Calistoga', value: 'calistoga' },
					{ name: 'Courier Prime Bold', value: 'courierPrime' },
					{ name: 'Exo 2 Extra Bold', value: 'exo2' },
					{ name: 'FB Script', value: 'fbScript' },
					{ name: 'Morning Breeze', value: 'morningBreeze' },
					{ name: 'System', value: 'system' },
					{ name: 'System Bold', value: 'systemBold' },
					{ name: 'System Text', value: 'systemText' },
				],
			},
			{ displayName: 'Text Color', name: 'textColor', type: 'color', default: '#FFFFFF' },
		],
	},
];

const displayOptions = { show: { resource: ['status'], operation: ['sendTextStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { text: this.getNodeParameter('text', i) as string, ...readRecipients(this, i) };
	for (const key of ['backgroundColor', 'textColor', 'font']) if (options[key]) body[key] = options[key];
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

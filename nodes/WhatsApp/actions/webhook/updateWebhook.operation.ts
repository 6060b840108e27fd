import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { eventTypeOptions, filterOptions, headersField, toEngineFilters, toEngineHeaders, webhookIdField } from './fields';

export const route: EngineRoute = { method: 'PATCH', path: '/api/webhooks/{webhook}' };

const properties: INodeProperties[] = [
	webhookIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the subscription delivers events' },
			{ displayName: 'Events', name: 'events', type: 'multiOptions', options: eventTypeOptions, default: ['*'], description: 'Which events to deliver' },
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: filterOptions,
				description: 'Replace the filters with these',
			},
			headersField,
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'A new key for the X-WA-Signature HMAC, at least 16 characters',
			},
			{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'Where the engine POSTs events' },
		],
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['updateWebhook'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const webhook = (this.getNodeParameter('webhookId', i) as string).trim();
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.url) body.url = fields.url;
	if (fields.active !== undefined) body.active = fields.active;
	if (Array.isArray(fields.events) && fields.events.length) body.events = fields.events;
	if (fields.filters !== undefined) body.filters = toEngineFilters(fields.filters as IDataObject);
	if (fields.headers !== undefined) body.headers = toEngineHeaders(fields.headers as IDataObject) ?? {};
	if (fields.secret) body.secret = fields.secret;
	return await engineApiRequest(this, route.method, routePath(route, { webhook }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { eventTypeOptions, filtersField, headersField, toEngineFilters, toEngineHeaders } from './fields';

export const route: EngineRoute = { method: 'POST', path: '/api/webhooks' };

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/whatsapp-events',
		description: 'Where the engine POSTs events. Subscribing the same URL and session again returns the existing subscription.',
	},
	{
		displayName: 'Session ID',
		name: 'session',
		type: 'string',
		default: '',
		placeholder: 'e.g. shop',
		description: "Only this session's events. Leave empty for every session (needs the admin API key).",
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventTypeOptions,
		default: ['*'],
		description: 'Which events to deliver',
	},
	filtersField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the subscription delivers events' },
			headersField,
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Key of the X-WA-Signature HMAC, at least 16 characters. Leave empty to let the engine generate one.',
			},
		],
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['setWebhook'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const session = (this.getNodeParameter('session', i, '') as string).trim();
	const body: IDataObject = {
		url: this.getNodeParameter('url', i) as string,
		events: this.getNodeParameter('events', i, ['*']) as string[],
		filters: toEngineFilters(this.getNodeParameter('filters', i, {}) as IDataObject),
	};
	if (session) body.session = session;
	if (additional.active !== undefined) body.active = additional.active;
	if (additional.secret) body.secret = additional.secret;
	const headers = toEngineHeaders(additional.headers as IDataObject | undefined);
	if (headers) body.headers = headers;
	return await engineApiRequest(this, route.method, routePath(route), { body, itemIndex: i });
}

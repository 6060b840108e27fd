import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatLocatorField, getRecipient, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/chats/{chat}/messages' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatLocatorField,
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'From Me',
				name: 'fromMe',
				type: 'options',
				options: [
					{ name: 'Sent and Received', value: 'any' },
					{ name: 'Only Sent', value: 'true' },
					{ name: 'Only Received', value: 'false' },
				],
				default: 'any',
				description: 'Which direction of messages to return',
			},
			{
				displayName: 'Media Only',
				name: 'mediaOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only messages with media',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only messages whose text or caption contains this',
			},
			{
				displayName: 'Since',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Only messages at or after this time',
			},
			{
				displayName: 'Until',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Only messages at or before this time',
			},
		],
	},
];

const displayOptions = { show: { resource: ['chat'], operation: ['getChatMessages'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const chat = getRecipient(this, i, 'chat');
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { limit: this.getNodeParameter('limit', i, 50) as number };
	if (filters.fromMe === 'true' || filters.fromMe === 'false') qs.fromMe = filters.fromMe;
	if (filters.mediaOnly) qs.mediaOnly = 'true';
	if (String(filters.search ?? '').trim()) qs.search = String(filters.search).trim();
	for (const bound of ['startTime', 'endTime']) {
		if (filters[bound]) qs[bound] = new Date(String(filters[bound])).toISOString();
	}
	return await engineApiRequest<IDataObject[]>(this, route.method, routePath(route, { session, chat }), { qs, itemIndex: i });
}

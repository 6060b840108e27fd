import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/events' };

/** The most events the engine returns per request. */
const PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: PAGE_SIZE },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'After Sequence Number',
				name: 'after',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Only events with a larger sequence number. Pass the last seq you processed to continue without gaps.',
			},
			{
				displayName: 'Event Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'e.g. message.received',
				description: 'Only events of this type',
			},
		],
	},
];

const displayOptions = { show: { resource: ['event'], operation: ['listEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const path = routePath(route, { session });
	const qs: IDataObject = { after: Number(filters.after ?? 0) };
	if (filters.type) qs.type = filters.type;

	if (!returnAll) {
		qs.limit = this.getNodeParameter('limit', i, 50) as number;
		return await engineApiRequest<IDataObject[]>(this, route.method, path, { qs, itemIndex: i });
	}
	const events: IDataObject[] = [];
	for (;;) {
		const page = await engineApiRequest<IDataObject[]>(this, route.method, path, {
			qs: { ...qs, limit: PAGE_SIZE },
			itemIndex: i,
		});
		events.push(...page);
		if (page.length < PAGE_SIZE) return events;
		qs.after = page[page.length - 1].seq as number;
	}
}

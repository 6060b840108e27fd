import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { webhookIdField } from './fields';

export const route: EngineRoute = { method: 'GET', path: '/api/webhooks/{webhook}/dead-letters' };

const PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	webhookIdField,
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
];

const displayOptions = { show: { resource: ['webhook'], operation: ['listWebhookDeadLetters'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const webhook = (this.getNodeParameter('webhookId', i) as string).trim();
	const path = routePath(route, { webhook });
	if (!(this.getNodeParameter('returnAll', i, false) as boolean)) {
		const limit = this.getNodeParameter('limit', i, 50) as number;
		return await engineApiRequest<IDataObject[]>(this, route.method, path, { qs: { limit }, itemIndex: i });
	}
	const letters: IDataObject[] = [];
	let after = 0;
	for (;;) {
		const page = await engineApiRequest<IDataObject[]>(this, route.method, path, { qs: { after, limit: PAGE_SIZE }, itemIndex: i });
		letters.push(...page);
		if (page.length < PAGE_SIZE) return letters;
		after = page[page.length - 1].id as number;
	}
}

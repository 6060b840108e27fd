import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { webhookIdField } from './fields';

export const route: EngineRoute = { method: 'POST', path: '/api/webhooks/{webhook}/redeliver' };

const properties: INodeProperties[] = [
	webhookIdField,
	{
		displayName: 'From Sequence Number',
		name: 'fromSeq',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'Deliver (again) every matching event with this sequence number or a larger one, in order',
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['redeliverWebhookEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const webhook = (this.getNodeParameter('webhookId', i) as string).trim();
	const fromSeq = this.getNodeParameter('fromSeq', i) as number;
	return await engineApiRequest(this, route.method, routePath(route, { webhook }), { body: { fromSeq }, itemIndex: i });
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { webhookIdField } from './fields';

export const route: EngineRoute = { method: 'GET', path: '/api/webhooks/{webhook}' };

const properties: INodeProperties[] = [webhookIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['getWebhook'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const webhook = (this.getNodeParameter('webhookId', i) as string).trim();
	return await engineApiRequest(this, route.method, routePath(route, { webhook }), { itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { webhookIdField } from './fields';

export const route: EngineRoute = { method: 'POST', path: '/api/webhooks/{webhook}/dead-letters/replay' };

const properties: INodeProperties[] = [
	webhookIdField,
	{
		displayName: 'Dead Letter IDs',
		name: 'ids',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12, 13',
		description: 'Comma-separated dead letter IDs to deliver again; leave empty for all',
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['replayWebhookDeadLetters'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const webhook = (this.getNodeParameter('webhookId', i) as string).trim();
	const raw = String(this.getNodeParameter('ids', i, '') ?? '').trim();
	const body: IDataObject = {};
	if (raw) {
		const ids = raw.split(',').map((part) => Number(part.trim()));
		if (ids.some((id) => !Number.isInteger(id) || id < 1)) {
			throw new NodeOperationError(this.getNode(), `"${raw}" is not a list of dead letter IDs`, { itemIndex: i });
		}
		body.ids = ids;
	}
	return await engineApiRequest(this, route.method, routePath(route, { webhook }), { body, itemIndex: i });
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator, splitList } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/blocklist' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: [
			{ name: 'Block', value: 'block' },
			{ name: 'Unblock', value: 'unblock' },
		],
		default: 'block',
		description: 'Whether to block or unblock the contacts',
	},
	{
		displayName: 'Contacts',
		name: 'users',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678, 491761234567',
		description: 'Up to 50 phone numbers with country code, JIDs or LIDs, separated by commas',
	},
];

const displayOptions = { show: { resource: ['privacy'], operation: ['updateBlocklist'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { action: this.getNodeParameter('action', i) as string, users: splitList(this.getNodeParameter('users', i)) };
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

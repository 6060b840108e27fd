import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PUT', path: '/api/sessions/{session}/privacy/disappearing-timer' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Timer',
		name: 'timer',
		type: 'options',
		options: [
			{ name: '24 Hours', value: '24h' },
			{ name: '7 Days', value: '7d' },
			{ name: '90 Days', value: '90d' },
			{ name: 'Off', value: 'off' },
		],
		default: '7d',
		description: 'How long messages in new chats stay; existing chats keep their timer',
	},
];

const displayOptions = { show: { resource: ['privacy'], operation: ['setDefaultDisappearingTimer'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { timer: this.getNodeParameter('timer', i) as string };
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

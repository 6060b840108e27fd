import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/refresh' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Options',
		name: 'refreshOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Resync App State', name: 'syncAppState', type: 'boolean', default: true, description: 'Whether to fetch chat archive/pin/mute state again' },
			{ displayName: 'Refresh Pre-Keys', name: 'refreshPreKeys', type: 'boolean', default: true, description: 'Whether to top up encryption pre-keys on the server' },
			{ displayName: 'Refresh Privacy', name: 'refreshPrivacy', type: 'boolean', default: true, description: 'Whether to fetch the privacy settings again' },
			{ displayName: 'Ask Phone to Recover', name: 'autoRecovery', type: 'boolean', default: false, description: 'Whether to ask the phone to resend app-state snapshots' },
		],
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['refreshSession'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = this.getNodeParameter('refreshOptions', i, {}) as Record<string, boolean>;
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

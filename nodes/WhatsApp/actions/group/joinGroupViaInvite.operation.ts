import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/groups/join' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Invite Link or Code',
		name: 'invite',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://chat.whatsapp.com/AbCdEfGhIjK1234567890',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['joinGroupViaInvite'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body = { invite: (this.getNodeParameter('invite', i) as string).trim() };
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

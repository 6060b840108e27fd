import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/pairing-code' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678',
		description:
			'Phone number of the WhatsApp account to link, with country code. Type the returned code on the phone under Linked devices → Link a device → Link with phone number instead.',
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['loginWithPairingCode'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const phone = this.getNodeParameter('phone', i) as string;
	return await engineApiRequest(this, route.method, routePath(route, { session }), {
		body: { phone },
		itemIndex: i,
	});
}

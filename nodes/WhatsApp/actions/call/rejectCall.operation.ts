import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { optional } from '../../helpers/values';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/calls/{callId}/reject' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Call ID',
		name: 'callId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.data.callId }}',
		description: 'The call ID of the incoming call (from the call offer event)',
	},
	{
		displayName: 'Caller',
		name: 'from',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678',
		description: 'Who is calling: phone number with country code or JID (from the call offer event)',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Text sent to the caller after the call was declined; leave empty to send nothing',
	},
];

const displayOptions = { show: { resource: ['call'], operation: ['rejectCall'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const callId = (this.getNodeParameter('callId', i) as string).trim();
	const body = { from: (this.getNodeParameter('from', i) as string).trim(), ...optional('message', this.getNodeParameter('message', i, '') as string) };
	return await engineApiRequest(this, route.method, routePath(route, { session, callId }), { body, itemIndex: i });
}

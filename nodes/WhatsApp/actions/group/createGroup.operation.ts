import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/groups' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'The group name',
	},
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +49 151 2345678, 491761234567',
		description: 'Comma-separated phone numbers or JIDs of the members to add',
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['createGroup'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const participants = (this.getNodeParameter('participants', i) as string)
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	const body = { subject: this.getNodeParameter('subject', i) as string, participants };
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

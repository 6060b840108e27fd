import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions' };

const properties: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		default: '',
		placeholder: 'e.g. shop',
		description:
			'ID of the new session: 1-64 letters, digits, "_" or "-". Leave empty to let the engine generate one.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					"The session's own API key, at least 16 characters. Leave empty to let the engine generate one; it is returned only once.",
			},
			{
				displayName: 'Connect Now',
				name: 'start',
				type: 'boolean',
				default: true,
				description: 'Whether to connect the session right away, so its QR code is ready to fetch',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Display name of the session; defaults to its ID',
			},
		],
	},
];

const displayOptions = { show: { resource: ['instance'], operation: ['createInstance'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const sessionId = this.getNodeParameter('sessionId', i, '') as string;
	const additionalFields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (sessionId.trim()) body.id = sessionId.trim();
	if (additionalFields.name) body.name = additionalFields.name;
	if (additionalFields.apiKey) body.apiKey = additionalFields.apiKey;
	if (additionalFields.start !== undefined) body.start = additionalFields.start;
	return await engineApiRequest(this, route.method, routePath(route), { body, itemIndex: i });
}

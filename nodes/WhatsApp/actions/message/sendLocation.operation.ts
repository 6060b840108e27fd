import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import { optional } from '../../helpers/values';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/location' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: {
			minValue: -90,
			maxValue: 90,
			numberPrecision: 7
		}
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		default: 0,
		required: true,
		typeOptions: {
			minValue: -180,
			maxValue: 180,
			numberPrecision: 7
		}
	},
	{
		displayName: 'Place Name',
		name: 'name',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendLocation'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		latitude: this.getNodeParameter('latitude', i) as number,
		longitude: this.getNodeParameter('longitude', i) as number,
		...optional('name', this.getNodeParameter('name', i, '') as string),
		...optional('address', this.getNodeParameter('address', i, '') as string),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

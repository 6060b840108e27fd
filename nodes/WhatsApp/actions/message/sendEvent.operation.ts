import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/event' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Start',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		required: true,
	},
	{
		displayName: 'End',
		name: 'endTime',
		type: 'dateTime',
		default: '',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: {
			rows: 2
		}
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Call Link',
		name: 'call',
		type: 'options',
		default: 'none',
		options: [
			{
				name: 'Audio Call',
				value: 'audio'
			},
			{
				name: 'None',
				value: 'none'
			},
			{
				name: 'Video Call',
				value: 'video'
			}
		],
		description: 'Attach a WhatsApp call link',
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendEvent'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const toEpochSeconds = (value: string): number => Math.floor(new Date(value).getTime() / 1000);

function eventExtras(ctx: IExecuteFunctions, i: number): IDataObject {
	const extras: IDataObject = {};
	const end = ctx.getNodeParameter('endTime', i, '') as string;
	if (end) extras.endTime = toEpochSeconds(end);
	const description = ctx.getNodeParameter('description', i, '') as string;
	if (description) extras.description = description;
	const locationName = ctx.getNodeParameter('locationName', i, '') as string;
	if (locationName) extras.location = { name: locationName };
	const call = ctx.getNodeParameter('call', i, 'none') as string;
	if (call !== 'none') extras.call = call;
	return extras;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		name: this.getNodeParameter('name', i) as string,
		startTime: toEpochSeconds(this.getNodeParameter('startTime', i) as string),
		...eventExtras(this, i),
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

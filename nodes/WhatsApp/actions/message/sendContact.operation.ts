import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/contact' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		displayName: 'Contact Name',
		name: 'contactName',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Contact Phone',
		name: 'contactPhone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +49 151 2345678',
		description: 'Phone number with country code; the engine builds the vCard. Leave empty to give a vCard.',
	},
	{
		displayName: 'vCard',
		name: 'vcard',
		type: 'string',
		default: '',
		typeOptions: {
			rows: 4
		},
		description: 'A complete vCard (BEGIN:VCARD … END:VCARD), used when no phone is given',
	},
	sendOptions([], { mentions: false }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendContact'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function contactCard(ctx: IExecuteFunctions, i: number): IDataObject {
	const name = ctx.getNodeParameter('contactName', i) as string;
	const phone = (ctx.getNodeParameter('contactPhone', i, '') as string).trim();
	return phone ? { name, phone } : { name, vcard: ctx.getNodeParameter('vcard', i, '') as string };
}

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		contacts: [contactCard(this, i)],
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

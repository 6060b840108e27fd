import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import { groupSettingFields, groupSettings, participantsField, readParticipants } from '../../descriptions/group.description';
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
	participantsField('Comma-separated phone numbers or JIDs of the members to add'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: groupSettingFields([
			{
				displayName: 'Admins',
				name: 'admins',
				type: 'string',
				default: '',
				placeholder: 'e.g. +49 151 2345678',
				description: 'Comma-separated members (phone numbers or JIDs) to make admins',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
			},
		]),
	},
];

const displayOptions = { show: { resource: ['group'], operation: ['createGroup'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		subject: this.getNodeParameter('subject', i) as string,
		participants: readParticipants(this, i),
		...groupSettings(this.getNodeParameter('options', i, {}) as IDataObject),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, mediaFields, readMedia, sessionLocator } from '../../descriptions';
import { getGroupId, groupLocator, groupSettingFields, groupSettings } from '../../descriptions/group.description';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'PATCH', path: '/api/sessions/{session}/groups/{group}' };

/** The photo fields appear once "Change Photo" is on. */
const photoFields = mediaFields('updateGroupInfo', 'Photo').map((field) => ({
	...field,
	displayOptions: { show: { ...field.displayOptions?.show, changePhoto: [true] } },
}));

const properties: INodeProperties[] = [
	sessionLocator,
	groupLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Each change is its own WhatsApp request; the result reports each one',
		options: groupSettingFields([
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
				description: 'The new description; leave empty to remove it',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
			},
		]),
	},
	{
		displayName: 'Change Photo',
		name: 'changePhoto',
		type: 'boolean',
		default: false,
		description: 'Whether to set a new group photo too',
	},
	...photoFields,
];

const displayOptions = { show: { resource: ['group'], operation: ['updateGroupInfo'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	// An empty description is a change (it removes the description), unlike the other empty fields.
	const body: IDataObject = {
		...groupSettings(fields),
		...(fields.description === '' && { description: '' }),
		...((this.getNodeParameter('changePhoto', i, false) as boolean) && { photo: await readMedia(this, i) }),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session, group: getGroupId(this, i) }), { body, itemIndex: i });
}

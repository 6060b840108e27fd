import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { labelIdField } from './shared';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/labels' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Action',
		name: 'labelAction',
		type: 'options',
		options: [
			{ name: 'Create', value: 'create', description: 'Create a new label' },
			{ name: 'Edit', value: 'edit', description: 'Replace the name and colour of a label' },
			{ name: 'Delete', value: 'delete', description: 'Delete a label' },
		],
		default: 'create',
	},
	{ ...labelIdField, displayOptions: { show: { labelAction: ['edit', 'delete'] } } },
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { labelAction: ['create', 'edit'] } },
	},
	{
		displayName: 'Color',
		name: 'color',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, maxValue: 19 },
		description: "One of WhatsApp's 20 label colours, 0 to 19",
		displayOptions: { show: { labelAction: ['create', 'edit'] } },
	},
];

const displayOptions = { show: { resource: ['label'], operation: ['manageLabel'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const action = this.getNodeParameter('labelAction', i) as string;
	const body: IDataObject =
		action === 'delete'
			? { labelId: (this.getNodeParameter('labelId', i) as string).trim(), delete: true }
			: {
					...(action === 'edit' && { labelId: (this.getNodeParameter('labelId', i) as string).trim() }),
					name: this.getNodeParameter('name', i) as string,
					color: this.getNodeParameter('color', i) as number,
				};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

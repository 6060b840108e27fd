import type { INodeProperties } from 'n8n-workflow';

/** A label by its id, as manageLabel answers it and `label.*` events report it. */
export const labelIdField: INodeProperties = {
	displayName: 'Label ID',
	name: 'labelId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 1735689600000',
	description: 'The ID of the label, from Manage Label or a label event',
};

/** Whether to put the label on (on) or take it off (off). */
export const applyField: INodeProperties = {
	displayName: 'Apply',
	name: 'apply',
	type: 'boolean',
	default: true,
	description: 'Whether to put the label on (on) or take it off (off)',
};

import { optional } from '../../helpers/values';
import { setter } from './fields';

export const { route, description, execute } = setter(
	'setCallAutoReject',
	'call-auto-reject',
	[
		{ displayName: 'Reject Calls', name: 'enabled', type: 'boolean', default: true, description: 'Whether incoming calls are declined automatically' },
		{
			displayName: 'Message to Caller',
			name: 'rejectMessage',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: 'Text sent to the caller after the call was declined; leave empty to send nothing. WhatsApp lets a linked device only decline a call (no "busy").',
			displayOptions: { show: { enabled: [true] } },
		},
	],
	(ctx, i) => {
		const enabled = ctx.getNodeParameter('enabled', i) as boolean;
		return { enabled, ...(enabled && optional('rejectMessage', ctx.getNodeParameter('rejectMessage', i, '') as string)) };
	},
);

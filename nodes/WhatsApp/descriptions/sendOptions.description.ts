import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const mentionsOption: INodeProperties = {
	displayName: 'Mentions',
	name: 'mentions',
	type: 'string',
	default: '',
	placeholder: 'e.g. +49 151 2345678, 491761234567',
	description: 'Comma-separated phone numbers or JIDs of people to @mention; also write @ followed by their number in the text',
};

/** The options every send shares (reply, forwarded, disappearing), plus the operation's own `extra` options. */
export function sendOptions(extra: INodeProperties[] = [], { mentions = false } = {}): INodeProperties {
	const options: INodeProperties[] = [
		...extra,
		{
			displayName: 'Disappearing After',
			name: 'ephemeralSeconds',
			type: 'options',
			default: 0,
			options: [
				{ name: '24 Hours', value: 86400 },
				{ name: '7 Days', value: 604800 },
				{ name: '90 Days', value: 7776000 },
				{ name: 'Off', value: 0 },
			],
			description: 'Disappearing-message timer of this message',
		},
		{
			displayName: 'Echo As Event',
			name: 'echo',
			type: 'options',
			default: 'session',
			options: [
				{ name: 'As the Session Is Set', value: 'session' },
				{ name: 'Yes', value: 'yes' },
				{ name: 'No', value: 'no' },
			],
			description: 'Whether this send is logged as a message.sent event (the session\'s API Echo setting decides by default)',
		},
		{
			displayName: 'Forwarded',
			name: 'forwarded',
			type: 'boolean',
			default: false,
			description: 'Whether to mark the message as forwarded',
		},
		...(mentions ? [mentionsOption] : []),
		{
			displayName: 'Reply To Message ID',
			name: 'replyTo',
			type: 'string',
			default: '',
			description: 'Quote this recent message of the same chat (its ID from an event or an earlier send)',
		},
	];
	options.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

const splitList = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');

/** The engine body fields of the Options collection; empty values are left out. */
export function readSendOptions(ctx: IExecuteFunctions, i: number): IDataObject {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(options)) {
		if (value === '' || value === undefined || value === null || value === false) continue;
		if (key === 'mentions') {
			const mentions = splitList(value);
			if (mentions.length > 0) body.mentions = mentions;
		} else if (key === 'echo') {
			if (value !== 'session') body.echo = value === 'yes';
		} else if (key === 'ephemeralSeconds') {
			if (Number(value) > 0) body.ephemeralSeconds = Number(value);
		} else body[key] = typeof value === 'string' ? value.trim() : value;
	}
	return body;
}

export { splitList };

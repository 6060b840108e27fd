import { optional } from '../../helpers/values';
import { setter } from './fields';

export const { route, description, execute } = setter(
	'setProxy',
	'proxy',
	[
		{ displayName: 'Use Proxy', name: 'enable', type: 'boolean', default: true, description: 'Whether the session connects through the proxy (from its next connect on)' },
		{
			displayName: 'Proxy URL',
			name: 'proxyUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://proxy.local:3128 or socks5://user:pass@proxy.local:1080',
			description: 'HTTP(S) or SOCKS5 proxy; leave empty to keep the one set before. Reconnect the session to apply it.',
			displayOptions: { show: { enable: [true] } },
		},
	],
	(ctx, i) => {
		const enable = ctx.getNodeParameter('enable', i) as boolean;
		return { enable, ...(enable && optional('proxyUrl', ctx.getNodeParameter('proxyUrl', i, '') as string)) };
	},
);

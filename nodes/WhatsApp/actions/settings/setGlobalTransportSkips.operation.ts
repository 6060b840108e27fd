import { setter } from './fields';

export const { route, description, execute } = setter(
	'setGlobalTransportSkips',
	'global-transports',
	[
		{
			displayName: 'Skip All-Session Webhooks',
			name: 'skipGlobalWebhook',
			type: 'boolean',
			default: true,
			description: "Whether this session's events stay out of webhook subscriptions made for all sessions (the session's own subscriptions still get them)",
		},
	],
	(ctx, i) => ({ skipGlobalWebhook: ctx.getNodeParameter('skipGlobalWebhook', i) as boolean }),
);

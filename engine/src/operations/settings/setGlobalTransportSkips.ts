import { z } from 'zod';
import { notSupported } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { changeSettings, globalTransportSkipsView, readSettings } from './common.js';

/** Transports other gateways have and this engine does not. */
const absent = ['skipGlobalRabbitMQ', 'skipGlobalSQS', 'skipGlobalRedis', 'skipGlobalWebSocket', 'skipGlobalS3'] as const;

export default defineOperation({
	resource: 'settings',
	name: 'setGlobalTransportSkips',
	summary: "Opt this session's events out of webhook subscriptions for all sessions",
	description:
		"`skipGlobalWebhook: true`: this session's events are no longer delivered to webhook subscriptions made without a session " +
		"(the admin's subscriptions to every session); its own subscriptions and its event stream are unaffected. The engine's transports " +
		'are webhooks and the per-session event stream only: `skipGlobalRabbitMQ`, `skipGlobalSQS`, `skipGlobalRedis`, `skipGlobalS3` name ' +
		'transports it does not have, and there is no stream across sessions to skip (`skipGlobalWebSocket`), so any of them is refused with 422.',
	method: 'put',
	path: '/api/sessions/{session}/settings/global-transports',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			skipGlobalWebhook: z.boolean().optional(),
			...Object.fromEntries(absent.map((flag) => [flag, z.boolean().optional().describe('Not applicable: 422')])),
		})
		.strict(),
	response: { schema: globalTransportSkipsView },
	handler: ({ params, body, services }) => {
		const named = absent.filter((flag) => (body as Record<string, unknown>)[flag] !== undefined);
		if (named.length) throw notSupported(`The engine has no ${named.join(', ').replace(/skipGlobal/g, '')} transport across sessions to skip; its transports are webhooks and the per-session event stream.`);
		const settings =
			body.skipGlobalWebhook === undefined ? readSettings(services, params.session) : changeSettings(services, params.session, { skipGlobalWebhook: body.skipGlobalWebhook });
		return { skipGlobalWebhook: settings.skipGlobalWebhook };
	},
});

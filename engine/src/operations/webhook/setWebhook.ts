import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionId } from '../schemas.js';
import { webhookSettings, webhookUrl, webhookWithSecret, withSecret } from './schemas.js';

export default defineOperation({
	resource: 'webhook',
	name: 'setWebhook',
	summary: 'Subscribe a URL to events (idempotent: the same URL and session return the existing subscription)',
	description:
		"Events are POSTed one per request, in log order, signed with `X-WA-Signature: sha256=<hex HMAC-SHA256(secret, X-WA-Timestamp + \".\" + body)>`. A session's API key subscribes only to its own session; the admin key may leave `session` out to receive every session's events. Calling this again with the same URL and session updates that subscription with the fields given and returns it, secret included.",
	method: 'post',
	path: '/api/webhooks',
	scope: 'any',
	body: z
		.object({
			url: webhookUrl,
			session: sessionId.optional().describe("Only this session's events (required with a session key: its own session)"),
			...webhookSettings,
		})
		.strict(),
	response: { schema: webhookWithSecret.extend({ created: z.boolean().describe('false: an existing subscription was returned') }) },
	handler: async ({ body, services, caller }) => {
		const { webhook, created } = await services.webhooks.create(caller, body);
		return { ...withSecret(webhook), created };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'privacy',
	name: 'listStatusAudience',
	summary: "List the audience lists of the account's status updates",
	description:
		'WhatsApp keeps three lists: `contacts` (all contacts), `blacklist` (contacts except the listed users) and `whitelist` (only the listed users); `default` marks the one new status updates use.',
	method: 'get',
	path: '/api/sessions/{session}/privacy/status/audience',
	scope: 'session',
	params: sessionParams,
	response: {
		schema: z.array(
			z
				.object({ type: z.string().describe('contacts | blacklist | whitelist'), default: z.boolean(), users: z.array(z.string()).describe('JIDs') })
				.describe('StatusAudienceList'),
		),
	},
	handler: ({ params, services }) => services.sessions.session(params.session).privacy.statusAudience(),
});

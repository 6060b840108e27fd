import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { apiKeyInput, sessionParams, sessionView } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'updateInstanceCredentials',
	summary: 'Rename a session and/or replace its API key',
	description: 'A replaced key stops working at once.',
	method: 'patch',
	path: '/api/sessions/{session}',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			name: z.string().min(1).max(255).optional(),
			apiKey: apiKeyInput.optional(),
		})
		.strict()
		.refine((b) => b.name !== undefined || b.apiKey !== undefined, 'give a name, an apiKey or both'),
	response: { schema: sessionView },
	handler: ({ params, body, services }) => services.sessions.update(params.session, body),
});

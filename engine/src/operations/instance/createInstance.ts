import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { apiKeyInput, sessionId, sessionView } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'createInstance',
	summary: 'Create a session (one linked WhatsApp device) and its API key',
	description:
		'The answer carries the session\'s own API key once; it can call every route of this session and nothing else. With `start` (default true) the session connects at once, so its QR code is ready to fetch.',
	method: 'post',
	path: '/api/sessions',
	scope: 'admin',
	body: z
		.object({
			id: sessionId.optional().describe('Session id; generated when omitted'),
			name: z.string().min(1).max(255).optional().describe('Display name; defaults to the id'),
			apiKey: apiKeyInput.optional().describe('The session\'s own API key; generated when omitted'),
			start: z.boolean().default(true).describe('Connect right away'),
		})
		.strict(),
	response: { status: 201, schema: z.object({ session: sessionView, apiKey: z.string().describe('Shown only in this answer') }) },
	handler: ({ body, services }) => {
		const { view, apiKey } = services.sessions.create(body);
		return { session: view, apiKey };
	},
});

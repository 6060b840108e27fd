import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionView } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'listInstances',
	summary: 'List the sessions with their connection state',
	description: "With the admin key: every session. With a session's key: that session only (so any valid key can check itself here).",
	method: 'get',
	path: '/api/sessions',
	scope: 'any',
	response: { schema: z.array(sessionView) },
	handler: ({ services, caller }) =>
		caller.role === 'admin' ? services.sessions.list() : [services.sessions.view(caller.sessionId)],
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionView } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'listInstances',
	summary: 'List all sessions with their connection state',
	method: 'get',
	path: '/api/sessions',
	scope: 'admin',
	response: { schema: z.array(sessionView) },
	handler: ({ services }) => services.sessions.list(),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'deleteInstance',
	summary: 'Delete a session and everything stored for it',
	description:
		'Closes the connection and deletes the session with its credentials and keys. The phone keeps listing the device until it is removed there; log out first to unlink it from the phone as well.',
	method: 'delete',
	path: '/api/sessions/{session}',
	scope: 'admin',
	params: sessionParams,
	response: { schema: z.object({ deleted: z.literal(true), id: z.string() }) },
	handler: async ({ params, services }) => {
		await services.sessions.delete(params.session);
		return { deleted: true as const, id: params.session };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'deleteInstanceFull',
	summary: 'Log the device out of WhatsApp, then delete the session and everything stored for it',
	description: 'Unlike deleteInstance, the phone stops listing the device too (when the session can reach WhatsApp).',
	method: 'delete',
	path: '/api/sessions/{session}/full',
	scope: 'admin',
	params: sessionParams,
	response: { schema: z.object({ deleted: z.literal(true), id: z.string(), loggedOut: z.boolean().describe('WhatsApp was told to unlink the device') }) },
	handler: async ({ params, services }) => {
		const wasConnected = services.sessions.session(params.session).status.state === 'connected';
		await services.sessions.logout(params.session);
		await services.sessions.delete(params.session);
		return { deleted: true as const, id: params.session, loggedOut: wasConnected };
	},
});

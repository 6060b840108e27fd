import { z } from 'zod';
import { defineOperation } from '../registry.js';

export default defineOperation({
	resource: 'session',
	name: 'listAppDevices',
	summary: 'The WhatsApp devices linked through this engine: name and device JID',
	description: "With the admin key: every linked session. With a session's key: that session only.",
	method: 'get',
	path: '/api/devices',
	scope: 'any',
	response: {
		schema: z.array(
			z.object({ session: z.string(), name: z.string(), device: z.string().describe('Device JID, e.g. 4915…:3@s.whatsapp.net'), lid: z.string().optional(), state: z.string() }).describe('LinkedDevice'),
		),
	},
	handler: ({ services, caller }) =>
		services.sessions
			.list()
			.filter((view) => (caller.role === 'admin' || view.id === caller.sessionId) && view.status.me)
			.map((view) => ({ session: view.id, name: view.status.me?.name ?? view.name, device: view.status.me!.jid, lid: view.status.me?.lid, state: view.status.state })),
});

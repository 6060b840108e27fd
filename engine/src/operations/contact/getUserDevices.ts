import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { userAddress, userDevice } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'getUserDevices',
	summary: 'The devices of one or more users: the phone and each linked device',
	description: 'Users that are not on WhatsApp come back with no devices.',
	method: 'post',
	path: '/api/sessions/{session}/contacts/devices',
	scope: 'session',
	params: sessionParams,
	body: z.object({ phones: z.array(userAddress).min(1).max(100).describe('Phone numbers, JIDs or LIDs') }).strict(),
	response: { schema: z.array(z.object({ jid: z.string(), devices: z.array(userDevice) }).describe('UserDevices')) },
	handler: async ({ params, body, services }) => {
		const jids = [...new Set(body.phones)];
		const devices = await services.sessions.session(params.session).contacts.userDevices(jids);
		return jids.map((jid) => ({ jid, devices: devices.get(jid) ?? [] }));
	},
});

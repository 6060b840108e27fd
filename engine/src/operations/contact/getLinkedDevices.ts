import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { userDevice } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'getLinkedDevices',
	summary: "The devices of the session's own account: the phone and every linked device",
	description: 'WhatsApp tells neither whether a device is online nor its platform.',
	method: 'get',
	path: '/api/sessions/{session}/linked-devices',
	scope: 'session',
	params: sessionParams,
	response: {
		schema: z
			.object({
				account: z.string().describe("The account's phone-number JID"),
				self: z.string().describe("This session's device JID"),
				devices: z.array(userDevice.extend({ self: z.boolean().describe('This session') })),
			})
			.describe('LinkedDevices'),
	},
	handler: ({ params, services }) => services.sessions.session(params.session).contacts.linkedDevices(),
});

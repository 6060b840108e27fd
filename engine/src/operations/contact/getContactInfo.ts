import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { contactParams, userInfo } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'getContactInfo',
	summary: 'Everything WhatsApp tells about one person, from a phone number, JID or LID',
	description:
		"Account, about text, picture thumbnail URL, devices, phone number and LID, business profile (asked of WhatsApp), and the saved, push and verified names the engine's store knows. For several people at once use getUserInfo.",
	method: 'get',
	path: '/api/sessions/{session}/contacts/{contact}',
	scope: 'session',
	params: contactParams,
	response: {
		schema: userInfo
			.extend({
				name: z.string().optional().describe('Name saved in the address book'),
				pushName: z.string().optional().describe('Name the person set for themselves'),
				verifiedName: z.string().optional().describe('Verified business name'),
			})
			.describe('ContactInfo'),
	},
	handler: async ({ params, services }) => {
		const session = services.sessions.session(params.session);
		const [info] = await session.contacts.userInfo([params.contact]);
		return { ...info!, ...session.store.names(info!.jid) };
	},
});

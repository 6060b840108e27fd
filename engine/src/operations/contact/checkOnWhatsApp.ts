import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { phoneAddress } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'checkOnWhatsApp',
	summary: 'Check which phone numbers have a WhatsApp account',
	method: 'post',
	path: '/api/sessions/{session}/contacts/check',
	scope: 'session',
	params: sessionParams,
	body: z.object({ phones: z.array(phoneAddress).min(1).max(100).describe('Phone numbers with country code') }).strict(),
	response: {
		schema: z.array(
			z
				.object({
					phone: z.string().describe('Digits only'),
					jid: z.string(),
					exists: z.boolean(),
				})
				.describe('OnWhatsAppResult'),
		),
	},
	handler: ({ params, body, services }) => services.sessions.session(params.session).contacts.checkOnWhatsApp([...new Set(body.phones)]),
});

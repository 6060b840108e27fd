import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { contactView, sandboxOf, toContactView } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'createContact',
	summary: 'Create a simulated WhatsApp user who can chat with your sessions',
	method: 'post',
	path: '/api/sandbox/contacts',
	scope: 'admin',
	body: z
		.object({
			phone: z.string().regex(/^\+?\d{5,15}$/).optional().describe('Phone number; one is made up when omitted'),
			name: z.string().min(1).max(100).optional().describe('Push name other users see'),
		})
		.strict(),
	response: { status: 201, schema: contactView },
	handler: async ({ body, services }) => toContactView(await sandboxOf(services).createContact({ ...body, phone: body.phone?.replace('+', '') })),
});

import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { contactOf, contactParams } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'contactMarkRead',
	summary: 'Make a simulated contact read messages it received (the sender gets read receipts)',
	method: 'post',
	path: '/api/sandbox/contacts/{contact}/read',
	scope: 'admin',
	params: contactParams,
	body: z.object({ messageIds: z.array(z.string().min(1)).min(1).max(1000) }).strict(),
	response: { schema: z.object({ read: z.number().int() }) },
	handler: async ({ params, body, services }) => {
		const contact = contactOf(services, params.contact);
		const messages = body.messageIds.map((id) => {
			const message = contact.received().find((m) => m.id === id);
			if (!message) throw notFound('message_not_found', `The contact has not received a message ${id}.`);
			return message;
		});
		await contact.markRead(messages);
		return { read: messages.length };
	},
});

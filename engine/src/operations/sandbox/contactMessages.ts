import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { contactOf, contactParams, receivedMessageView, toReceivedView } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'contactMessages',
	summary: 'What a simulated contact received, decrypted',
	method: 'get',
	path: '/api/sandbox/contacts/{contact}/messages',
	scope: 'admin',
	params: contactParams,
	query: z.object({
		wait: z.coerce.number().int().min(0).max(60).default(0).describe('Seconds to wait for at least `min` messages'),
		min: z.coerce.number().int().min(0).default(1),
	}),
	response: { schema: z.array(receivedMessageView) },
	handler: async ({ params, query, services }) => {
		const contact = contactOf(services, params.contact);
		if (query.wait > 0 && contact.received().length < query.min) {
			// Answers with what is there when the wait runs out: a short list is the caller's signal, not an error.
			await contact.waitForMessage(() => contact.received().length >= query.min, query.wait * 1000).catch(() => undefined);
		}
		return contact.received().map(toReceivedView);
	},
});

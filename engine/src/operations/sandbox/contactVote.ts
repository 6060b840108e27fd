import { z } from 'zod';
import { badRequest, notFound } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { contactOf, contactParams } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'contactVote',
	summary: 'Make a simulated contact vote on a poll it received',
	description: 'The vote is encrypted the way WhatsApp clients do it; an empty `options` list takes the vote back.',
	method: 'post',
	path: '/api/sandbox/contacts/{contact}/poll-votes',
	scope: 'admin',
	params: contactParams,
	body: z.object({ pollId: z.string().min(1), options: z.array(z.string().min(1)).max(12) }).strict(),
	response: { status: 201, schema: z.object({ id: z.string() }) },
	handler: async ({ params, body, services }) => {
		const contact = contactOf(services, params.contact);
		const poll = contact.received().find((m) => m.id === body.pollId);
		if (!poll) throw notFound('message_not_found', `The contact has not received a message ${body.pollId}.`);
		try {
			return await contact.votePoll(poll, body.options);
		} catch (error) {
			if (error instanceof RangeError) throw badRequest(error.message);
			throw error;
		}
	},
});

import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import { recipient } from '../schemas.js';
import { defineOperation } from '../registry.js';
import { contactOf, contactParams, sandboxOf } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'contactCall',
	summary: 'Make a simulated contact call someone (a call offer rings on every device of the callee)',
	description: 'Signalling only: the callee sees the call ring (call.offer), can reject it, and the contact sees the answer; no audio flows.',
	method: 'post',
	path: '/api/sandbox/contacts/{contact}/calls',
	scope: 'admin',
	params: contactParams,
	body: z.object({ to: recipient, video: z.boolean().default(false) }).strict(),
	response: { status: 201, schema: z.object({ callId: z.string() }) },
	handler: ({ params, body, services }) => {
		contactOf(services, params.contact);
		const callId = sandboxOf(services).call(params.contact, body.to, { video: body.video });
		if (!callId) throw notFound('account_not_found', `Nobody in the sandbox has the address ${body.to}.`);
		return { callId };
	},
});

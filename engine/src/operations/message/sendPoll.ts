import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mentionsField, recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendPoll',
	summary: 'Send a poll (single or multiple answers)',
	description: 'Votes arrive later as message updates.',
	method: 'post',
	path: '/api/sessions/{session}/messages/poll',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			question: z.string().min(1).max(255),
			options: z
				.array(z.string().min(1).max(100))
				.min(2)
				.max(12)
				.refine((o) => new Set(o).size === o.length, 'options must be different'),
			maxAnswers: z.number().int().min(1).max(12).optional().describe('How many options one person may pick (default 1; equal to the number of options = any)'),
			mentions: mentionsField,
			...sendOptionsShape,
		})
		.strict()
		.refine((b) => (b.maxAnswers ?? 1) <= b.options.length, { message: 'maxAnswers cannot exceed the number of options', path: ['maxAnswers'] }),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) =>
		sendAndAnswer(
			services,
			params.session,
			body.to,
			{ kind: 'poll', question: body.question, options: body.options, selectableCount: body.maxAnswers ?? 1, mentions: body.mentions },
			body,
		),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';

const epochSeconds = z.number().int().min(0).max(253_402_300_799);

export default defineOperation({
	resource: 'message',
	name: 'sendEvent',
	summary: 'Send a calendar event invitation',
	description: 'Times are Unix seconds. RSVPs arrive later as message updates.',
	method: 'post',
	path: '/api/sessions/{session}/messages/event',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			name: z.string().min(1).max(255),
			description: z.string().max(1024).optional(),
			startTime: epochSeconds.describe('Start, Unix seconds'),
			endTime: epochSeconds.optional().describe('End, Unix seconds'),
			location: z
				.object({ name: z.string().max(256).optional(), latitude: z.number().min(-90).max(90).optional(), longitude: z.number().min(-180).max(180).optional(), address: z.string().max(1024).optional() })
				.strict()
				.optional(),
			call: z.enum(['audio', 'video']).optional().describe('Attach a WhatsApp call link'),
			extraGuestsAllowed: z.boolean().optional(),
			isCanceled: z.boolean().optional(),
			isScheduleCall: z.boolean().optional(),
			...sendOptionsShape,
		})
		.strict()
		.refine((b) => b.endTime === undefined || b.endTime >= b.startTime, { message: 'endTime must not be before startTime', path: ['endTime'] }),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) =>
		sendAndAnswer(
			services,
			params.session,
			body.to,
			{
				kind: 'event',
				name: body.name,
				description: body.description,
				startTime: body.startTime,
				endTime: body.endTime,
				location: body.location,
				call: body.call,
				isCancelled: body.isCanceled,
				isScheduleCall: body.isScheduleCall,
				extraGuestsAllowed: body.extraGuestsAllowed,
			},
			body,
		),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendLocation',
	summary: 'Send a location pin',
	method: 'post',
	path: '/api/sessions/{session}/messages/location',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			latitude: z.coerce.number().min(-90).max(90),
			longitude: z.coerce.number().min(-180).max(180),
			name: z.string().max(256).optional().describe('Name of the place'),
			address: z.string().max(1024).optional(),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) =>
		sendAndAnswer(services, params.session, body.to, { kind: 'location', latitude: body.latitude, longitude: body.longitude, name: body.name, address: body.address }, body),
});

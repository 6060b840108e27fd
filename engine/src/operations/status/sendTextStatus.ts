import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { hexColor, postStatus, recipientsField, sentStatus } from './common.js';

export default defineOperation({
	resource: 'status',
	name: 'sendTextStatus',
	summary: 'Post a text status with background colour, text colour and font',
	description:
		"Sent to status@broadcast and encrypted for the devices of `recipients`, or of the session's stored contacts when omitted (422 when there is nobody).",
	method: 'post',
	path: '/api/sessions/{session}/statuses/text',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			text: z.string().min(1).max(650),
			backgroundColor: hexColor.optional().describe('#RRGGBB or #AARRGGBB'),
			textColor: hexColor.optional().describe('#RRGGBB or #AARRGGBB'),
			font: z.enum(['system', 'systemText', 'fbScript', 'systemBold', 'morningBreeze', 'calistoga', 'exo2', 'courierPrime']).optional().describe('One of the fonts WhatsApp offers for text statuses'),
			recipients: recipientsField,
		})
		.strict(),
	response: { status: 201, schema: sentStatus },
	handler: async ({ params, body, services }) =>
		postStatus(services, params.session, { kind: 'text', text: body.text, backgroundColor: body.backgroundColor, textColor: body.textColor, font: body.font }, body.recipients),
});

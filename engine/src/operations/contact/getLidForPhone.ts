import { z } from 'zod';
import { phoneOf } from '../../lib/recipient.js';
import { defineOperation } from '../registry.js';
import { sessionId } from '../schemas.js';
import { phoneAddress } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'getLidForPhone',
	summary: 'The LID (WhatsApp\'s phone-number-free id) of a phone number',
	description: 'Answered from what the session knows, else asked from WhatsApp. 404 when the number is not on WhatsApp.',
	method: 'get',
	path: '/api/sessions/{session}/lid/{phone}',
	scope: 'session',
	params: z.object({ session: sessionId, phone: phoneAddress }),
	response: { schema: z.object({ phone: z.string(), jid: z.string(), lid: z.string() }).describe('LidMapping') },
	handler: async ({ params, services }) => ({
		phone: phoneOf(params.phone)!,
		jid: params.phone,
		lid: await services.sessions.session(params.session).contacts.lidForPhone(params.phone),
	}),
});

import { z } from 'zod';
import { phoneOf } from '../../lib/recipient.js';
import { defineOperation } from '../registry.js';
import { sessionId } from '../schemas.js';
import { lidAddress } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'getPhoneForLid',
	summary: 'The phone number behind a LID',
	description:
		'WhatsApp has no query for this: only mappings the session has learned (from messages, groups, lookups) are known; 404 otherwise.',
	method: 'get',
	path: '/api/sessions/{session}/lid/{lid}/phone',
	scope: 'session',
	params: z.object({ session: sessionId, lid: lidAddress }),
	response: { schema: z.object({ lid: z.string(), jid: z.string(), phone: z.string() }).describe('PhoneForLid') },
	handler: async ({ params, services }) => {
		const jid = await services.sessions.session(params.session).contacts.phoneForLid(params.lid);
		return { lid: params.lid, jid, phone: phoneOf(jid)! };
	},
});

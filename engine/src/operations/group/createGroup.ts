import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sessionParams } from '../schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'createGroup',
	summary: 'Create a group with the given members',
	method: 'post',
	path: '/api/sessions/{session}/groups',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			subject: z.string().min(1).max(100).describe('Group name'),
			participants: z.array(recipient).min(1).max(1023).describe('Members to add (phone numbers or JIDs)'),
		})
		.strict(),
	response: {
		status: 201,
		schema: z.object({
			id: z.string().describe('Group JID (…@g.us)'),
			subject: z.string(),
			participants: z.array(z.string()),
			addressingMode: z.string().optional().describe('lid or pn: how WhatsApp addresses members in this group'),
		}),
	},
	handler: ({ params, body, services }) => services.sessions.session(params.session).createGroup(body.subject, body.participants),
});

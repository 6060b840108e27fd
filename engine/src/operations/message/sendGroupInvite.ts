import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';

export default defineOperation({
	resource: 'message',
	name: 'sendGroupInvite',
	summary: 'Send an invitation to join a group',
	description: 'For people whose privacy settings prevent adding them directly. This account must be an admin of the group.',
	method: 'post',
	path: '/api/sessions/{session}/messages/group-invite',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			groupId: recipient.refine((jid) => jid.endsWith('@g.us'), 'a group JID (…@g.us)').describe('The group (…@g.us)'),
			text: z.string().max(1024).optional().describe('Note shown with the invitation'),
			expiresAt: z.number().int().positive().optional().describe('When the invitation expires, Unix seconds (default: in 3 days)'),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) =>
		sendAndAnswer(services, params.session, body.to, { kind: 'groupInvite', groupJid: body.groupId, text: body.text, expiresAt: body.expiresAt }, body),
});

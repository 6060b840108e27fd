import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupParams, participantList, participantOutcome } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'updateGroupParticipants',
	summary: 'Add, remove, promote or demote group members',
	description:
		'Needs admin rights. WhatsApp answers per person (`status`): 403 on add means their privacy settings refuse being added; send them the returned invitation with message.sendGroupInvite instead.',
	method: 'post',
	path: '/api/sessions/{session}/groups/{group}/participants',
	scope: 'session',
	params: groupParams,
	body: z.object({ action: z.enum(['add', 'remove', 'promote', 'demote']), participants: participantList }).strict(),
	response: { schema: z.array(participantOutcome) },
	handler: ({ params, body, services }) =>
		services.sessions.session(params.session).groups.updateParticipants(params.group, body.action, body.participants),
});

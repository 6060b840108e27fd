import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupParams, participantList, participantOutcome } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'updateGroupJoinRequests',
	summary: 'Approve or reject pending join requests',
	description: 'Needs admin rights. Approved people become members; each person gets their own `status` (404: no pending request).',
	method: 'post',
	path: '/api/sessions/{session}/groups/{group}/join-requests',
	scope: 'session',
	params: groupParams,
	body: z.object({ action: z.enum(['approve', 'reject']), participants: participantList }).strict(),
	response: { schema: z.array(participantOutcome) },
	handler: ({ params, body, services }) =>
		services.sessions.session(params.session).groups.updateJoinRequests(params.group, body.action, body.participants),
});

import { z } from 'zod';
import { party } from '../../events/types.js';
import { defineOperation } from '../registry.js';
import { groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'listGroupJoinRequests',
	summary: 'List pending requests to join a group',
	description: 'Needs admin rights. Requests exist while the group has join approval on (see updateGroupInfo `joinApproval`).',
	method: 'get',
	path: '/api/sessions/{session}/groups/{group}/join-requests',
	scope: 'session',
	params: groupParams,
	response: {
		schema: z.array(
			z
				.object({
					participant: party,
					method: z.string().optional().describe('How they asked, e.g. invite_link'),
					requestedAt: z.number().int().optional().describe('Epoch milliseconds'),
				})
				.describe('GroupJoinRequest'),
		),
	},
	handler: ({ params, services }) => services.sessions.session(params.session).groups.joinRequests(params.group),
});

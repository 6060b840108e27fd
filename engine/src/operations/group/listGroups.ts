import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { groupView } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'listGroups',
	summary: 'List the groups this account is a member of, newest first',
	method: 'get',
	path: '/api/sessions/{session}/groups',
	scope: 'session',
	params: sessionParams,
	query: z.object({
		ignoreParticipants: z.enum(['true', 'false']).default('false').describe('true leaves the member lists out'),
		search: z.string().max(100).optional().describe('Only groups whose name or id contains this (case-insensitive)'),
	}),
	response: { schema: z.array(groupView) },
	handler: async ({ params, query, services }) => {
		const groups = await services.sessions.session(params.session).groups.list(query.ignoreParticipants !== 'true');
		const needle = query.search?.toLowerCase();
		return needle ? groups.filter((g) => `${g.subject} ${g.id}`.toLowerCase().includes(needle)) : groups;
	},
});

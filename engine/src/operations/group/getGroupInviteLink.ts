import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'getGroupInviteLink',
	summary: "Get the group's invite link, optionally resetting it",
	description: 'Needs admin rights. `reset=true` revokes the current link first: it stops working for everyone who has it.',
	method: 'get',
	path: '/api/sessions/{session}/groups/{group}/invite-link',
	scope: 'session',
	params: groupParams,
	query: z.object({ reset: z.enum(['true', 'false']).default('false') }),
	response: { schema: z.object({ code: z.string(), link: z.string().describe('https://chat.whatsapp.com/<code>') }).describe('GroupInviteLink') },
	handler: ({ params, query, services }) => services.sessions.session(params.session).groups.inviteLink(params.group, query.reset === 'true'),
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { groupView, inviteInput } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'getGroupInviteInfo',
	summary: 'Preview a group from its invite link or code, without joining',
	description: 'WhatsApp shows name, description, size and settings; the member list stays hidden.',
	method: 'get',
	path: '/api/sessions/{session}/groups/invite-info',
	scope: 'session',
	params: sessionParams,
	query: z.object({ invite: inviteInput }),
	response: { schema: groupView },
	handler: ({ params, query, services }) => services.sessions.session(params.session).groups.inviteInfo(query.invite),
});

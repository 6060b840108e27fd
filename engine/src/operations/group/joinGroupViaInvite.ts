import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { inviteInput } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'joinGroupViaInvite',
	summary: 'Join a group by invite link or code',
	description: 'When the group admins approve new members, WhatsApp files a join request instead: `status` is then `requested`.',
	method: 'post',
	path: '/api/sessions/{session}/groups/join',
	scope: 'session',
	params: sessionParams,
	body: z.object({ invite: inviteInput }).strict(),
	response: {
		schema: z.object({ id: z.string().describe('Group JID'), status: z.enum(['joined', 'requested']) }).describe('GroupJoin'),
	},
	handler: ({ params, body, services }) => services.sessions.session(params.session).groups.join(body.invite),
});

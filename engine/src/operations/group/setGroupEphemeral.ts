import { z } from 'zod';
import { ephemeralSeconds } from '../../sessions/group-actions.js';
import { defineOperation } from '../registry.js';
import { ephemeralDuration, groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'setGroupEphemeral',
	summary: "Set the group's disappearing-messages timer",
	description: 'Admins only when the group is locked.',
	method: 'put',
	path: '/api/sessions/{session}/groups/{group}/ephemeral',
	scope: 'session',
	params: groupParams,
	body: z.object({ duration: ephemeralDuration }).strict(),
	response: { schema: z.object({ ok: z.literal(true), group: z.string(), ephemeralSeconds: z.number().int() }).describe('GroupEphemeral') },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).groups.setEphemeral(params.group, body.duration);
		return { ok: true as const, group: params.group, ephemeralSeconds: ephemeralSeconds[body.duration] };
	},
});

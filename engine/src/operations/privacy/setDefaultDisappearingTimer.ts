import { z } from 'zod';
import { DISAPPEARING_TIMERS } from '../../sessions/privacy-actions.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

const timers = Object.keys(DISAPPEARING_TIMERS) as [keyof typeof DISAPPEARING_TIMERS, ...Array<keyof typeof DISAPPEARING_TIMERS>];

export default defineOperation({
	resource: 'privacy',
	name: 'setDefaultDisappearingTimer',
	summary: 'Set the default disappearing-message timer for new chats',
	description: 'Applies to chats started after the change; existing chats keep their timer. Others see it as the account\'s default disappearing mode.',
	method: 'put',
	path: '/api/sessions/{session}/privacy/disappearing-timer',
	scope: 'session',
	params: sessionParams,
	body: z.object({ timer: z.enum(timers).describe('24h | 7d | 90d | off') }).strict(),
	response: {
		schema: z.object({ ok: z.literal(true), timer: z.enum(timers), seconds: z.number().int().describe('0 = off') }).describe('DisappearingTimerChange'),
	},
	handler: async ({ params, body, services }) => {
		const seconds = DISAPPEARING_TIMERS[body.timer];
		await services.sessions.session(params.session).privacy.setDefaultDisappearingTimer(seconds);
		return { ok: true as const, timer: body.timer, seconds };
	},
});

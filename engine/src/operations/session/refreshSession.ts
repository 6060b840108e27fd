import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

const step = z.union([z.enum(['ok', 'skipped']), z.string().startsWith('failed: ')]);

export default defineOperation({
	resource: 'session',
	name: 'refreshSession',
	summary: 'Reconnect and repair: resync app state, top up pre-keys, refresh privacy settings',
	description:
		'Each step answers ok, skipped, or "failed: <WhatsApp\'s reason>". autoRecovery asks the phone to resend app-state snapshots (chat archive/pin/mute state) when they are broken.',
	method: 'post',
	path: '/api/sessions/{session}/refresh',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			syncAppState: z.boolean().default(true),
			refreshPreKeys: z.boolean().default(true),
			refreshPrivacy: z.boolean().default(true),
			autoRecovery: z.boolean().default(false),
		})
		.strict(),
	response: {
		schema: z.object({ reconnect: z.literal('ok'), appState: step, preKeys: step, privacy: step, recovery: step }).describe('RefreshResult'),
	},
	handler: ({ params, body, services }) => services.sessions.session(params.session).refresh(body),
});

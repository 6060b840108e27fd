import { z } from 'zod';
import { notSupported } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { callAutoRejectView, changeSettings } from './common.js';

export default defineOperation({
	resource: 'settings',
	name: 'setCallAutoReject',
	summary: 'Turn automatic rejection of incoming calls on or off',
	description:
		'On: every incoming call offer is declined at once and, when `rejectMessage` is set, the caller then gets it as a text message. ' +
		'`rejectType` can only be `declined`: declining is the one answer a linked device can give (it is what WhatsApp sends for a rejected call); ' +
		'`busy` and `unavailable` would need call signalling that Baileys does not implement, so they are refused with 422.',
	method: 'put',
	path: '/api/sessions/{session}/settings/call-auto-reject',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			enabled: z.boolean(),
			rejectMessage: z.string().min(1).max(4096).optional().describe('Text sent to the caller after the call was declined'),
			rejectType: z.enum(['busy', 'declined', 'unavailable']).optional().describe('Only `declined` is possible'),
		})
		.strict(),
	response: { schema: callAutoRejectView },
	handler: ({ params, body, services }) => {
		if (body.rejectType && body.rejectType !== 'declined') {
			throw notSupported(`A linked device can only decline a call; WhatsApp has no "${body.rejectType}" answer that Baileys can send.`);
		}
		const { callAutoReject } = changeSettings(services, params.session, {
			callAutoReject: { enabled: body.enabled, ...(body.rejectMessage && { message: body.rejectMessage }) },
		});
		return { enabled: callAutoReject.enabled, rejectType: 'declined' as const, ...(callAutoReject.message && { rejectMessage: callAutoReject.message }) };
	},
});

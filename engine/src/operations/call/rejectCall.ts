import { z } from 'zod';
import { notSupported } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { recipient, sessionId } from '../schemas.js';

export default defineOperation({
	resource: 'call',
	name: 'rejectCall',
	summary: 'Reject an incoming call and optionally message the caller',
	description:
		'Declines the call on every device of the account (the caller sees it declined); `message` then goes to the caller as a text message. ' +
		'`rejectType` can only be `declined`: `busy` and `unavailable` need call signalling Baileys does not implement (422). ' +
		'The call id and caller come from the `call.offer` event.',
	method: 'post',
	path: '/api/sessions/{session}/calls/{callId}/reject',
	scope: 'session',
	params: z.object({ session: sessionId, callId: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a WhatsApp call id').describe('Call id of the `call.offer` event') }),
	body: z
		.object({
			from: recipient.describe('The caller: phone number with country code or JID (`sender.id` of the `call.offer` event)'),
			message: z.string().min(1).max(4096).optional().describe('Text sent to the caller after the call was declined'),
			rejectType: z.enum(['busy', 'declined', 'unavailable']).default('declined').describe('Only `declined` is possible'),
		})
		.strict(),
	response: {
		schema: z
			.object({ ok: z.literal(true), callId: z.string(), from: z.string(), messageId: z.string().optional().describe('Id of the message sent to the caller') })
			.describe('CallRejection'),
	},
	handler: async ({ params, body, services }) => {
		if (body.rejectType !== 'declined') {
			throw notSupported(`A linked device can only decline a call; WhatsApp has no "${body.rejectType}" answer that Baileys can send.`);
		}
		const session = services.sessions.session(params.session);
		await session.messages.rejectCall(params.callId, body.from);
		const sent = body.message ? await session.send(body.from, { kind: 'text', text: body.message }) : undefined;
		return { ok: true as const, callId: params.callId, from: body.from, ...(sent && { messageId: sent.id }) };
	},
});

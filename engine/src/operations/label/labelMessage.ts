import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { labelAssociation, messageLabelParams } from './schemas.js';

export default defineOperation({
	resource: 'label',
	name: 'labelMessage',
	summary: 'Put a label on a message or take it off',
	description: 'An app-state change synced to every device of the account: needs the sync key the phone shares after linking (422 without it).',
	method: 'post',
	path: '/api/sessions/{session}/chats/{chat}/messages/{messageId}/labels/{labelId}',
	scope: 'session',
	params: messageLabelParams,
	body: z.object({ apply: z.boolean().default(true).describe('false takes the label off') }).strict(),
	response: { schema: labelAssociation },
	handler: async ({ params, body, services }) => {
		const chat = await services.sessions.session(params.session).labels.labelMessage(params.chat, params.messageId, params.labelId, body.apply);
		return { ok: true as const, chat, labelId: params.labelId, messageId: params.messageId, applied: body.apply };
	},
});

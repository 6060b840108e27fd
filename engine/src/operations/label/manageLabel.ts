import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { labelId } from './schemas.js';

export default defineOperation({
	resource: 'label',
	name: 'manageLabel',
	summary: 'Create, edit or delete a label (WhatsApp Business)',
	description:
		'Without `labelId` a new label is created. With it, the label is replaced by this name and colour, or deleted with `delete: true`. An app-state change synced to every device of the account: needs the sync key the phone shares after linking (422 without it).',
	method: 'post',
	path: '/api/sessions/{session}/labels',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			labelId: labelId.optional().describe('The label to edit or delete; a new id is picked when omitted'),
			name: z.string().min(1).max(100).optional().describe('Label name (required unless deleting)'),
			color: z.number().int().min(0).max(19).optional().describe('One of WhatsApp\'s 20 label colours, 0-19 (required unless deleting)'),
			delete: z.boolean().default(false),
		})
		.strict()
		.refine((b) => b.delete || (b.name !== undefined && b.color !== undefined), { message: 'name and color are required unless delete is true' })
		.refine((b) => !b.delete || b.labelId !== undefined, { message: 'labelId is required to delete a label', path: ['labelId'] }),
	response: {
		status: 200,
		schema: z
			.object({ ok: z.literal(true), labelId: z.string(), name: z.string().optional(), color: z.number().int().optional(), deleted: z.boolean() })
			.describe('LabelChange'),
	},
	handler: async ({ params, body, services }) => {
		// A new label needs an id unique on the account; the time in ms is, for one account creating labels.
		const id = body.labelId ?? String(Date.now());
		const change = body.delete ? { id, deleted: true } : { id, name: body.name, color: body.color, deleted: false };
		await services.sessions.session(params.session).labels.manage(change);
		return { ok: true as const, labelId: id, ...(change.name !== undefined && { name: change.name }), ...(change.color !== undefined && { color: change.color }), deleted: change.deleted };
	},
});

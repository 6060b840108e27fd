import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { mediaInput } from '../schemas.js';
import { loadPhoto } from './photo.js';
import { ephemeralDuration, groupParams, partOutcomes } from './schemas.js';

const body = z
	.object({
		name: z.string().trim().min(1).max(100).optional(),
		description: z.string().max(2048).optional().describe('Empty removes it'),
		photo: mediaInput.optional(),
		locked: z.boolean().optional(),
		announce: z.boolean().optional(),
		ephemeral: ephemeralDuration.optional(),
		joinApproval: z.boolean().optional().describe('Admins approve people who join by link'),
	})
	.strict()
	.refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one field to change' });

export default defineOperation({
	resource: 'group',
	name: 'updateGroupInfo',
	summary: 'Change several group properties at once',
	description:
		'Name, description, photo, locked, announce, disappearing messages and join approval. WhatsApp takes each as its own request: `results` reports each part (`ok` or `failed: <reason>`), and `ok` is true when all succeeded.',
	method: 'patch',
	path: '/api/sessions/{session}/groups/{group}',
	scope: 'session',
	params: groupParams,
	body,
	response: {
		schema: z.object({ ok: z.boolean(), group: z.string(), results: partOutcomes }).describe('GroupUpdate'),
	},
	handler: async ({ params, body: { name, photo, ...settings }, services }) => {
		const image = photo && (await loadPhoto(photo, services, params.session));
		const results = await services.sessions.session(params.session).groups.update(params.group, {
			...settings,
			...(name !== undefined && { subject: name }),
			...(image && { photo: image }),
		});
		return { ok: Object.values(results).every((r) => r === 'ok'), group: params.group, results };
	},
});

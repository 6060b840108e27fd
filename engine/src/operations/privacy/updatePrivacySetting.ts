import { z } from 'zod';
import { PRIVACY_SETTINGS } from '../../sessions/privacy-actions.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { allowedValuesText, privacySettingNames, privacyValue } from './schemas.js';

export default defineOperation({
	resource: 'privacy',
	name: 'updatePrivacySetting',
	summary: 'Change one privacy setting',
	description: `Each setting takes only the values WhatsApp accepts for it (400 otherwise): ${allowedValuesText}.`,
	method: 'put',
	path: '/api/sessions/{session}/privacy',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({ setting: z.enum(privacySettingNames), value: privacyValue })
		.strict()
		.superRefine((body, ctx) => {
			const allowed: readonly string[] = PRIVACY_SETTINGS[body.setting].values;
			if (!allowed.includes(body.value)) {
				ctx.addIssue({ code: 'custom', path: ['value'], message: `${body.setting} accepts ${allowed.join(', ')}` });
			}
		}),
	response: { schema: z.object({ ok: z.literal(true), setting: z.enum(privacySettingNames), value: z.string() }).describe('PrivacySettingChange') },
	handler: async ({ params, body, services }) => {
		await services.sessions.session(params.session).privacy.update(body.setting, body.value);
		return { ok: true as const, setting: body.setting, value: body.value };
	},
});

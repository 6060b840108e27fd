import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sandboxOf } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'updateSettings',
	summary: 'Change how the simulated WhatsApp behaves',
	description: 'groupAddressingMode: how groups created from now on address their members (lid, as WhatsApp does today, or pn).',
	method: 'put',
	path: '/api/sandbox/settings',
	scope: 'admin',
	body: z.object({ groupAddressingMode: z.enum(['lid', 'pn']) }).strict(),
	response: { schema: z.object({ groupAddressingMode: z.enum(['lid', 'pn']) }) },
	handler: ({ body, services }) => {
		sandboxOf(services).groups.defaultMode = body.groupAddressingMode;
		return { groupAddressingMode: sandboxOf(services).groups.defaultMode };
	},
});

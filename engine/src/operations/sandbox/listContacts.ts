import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { contactView, sandboxOf, toContactView } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'listContacts',
	summary: 'List the simulated contacts',
	method: 'get',
	path: '/api/sandbox/contacts',
	scope: 'admin',
	response: { schema: z.array(contactView) },
	handler: ({ services }) => sandboxOf(services).listContacts().map(toContactView),
});

import { z } from 'zod';
import { conflict } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { sandboxOf } from './schemas.js';

export default defineOperation({
	resource: 'sandbox',
	name: 'injectFault',
	summary: "Break a session's connection on purpose, to see how workflows cope",
	description: 'stream-error: the server ends the stream with that code (515 restart, 440 replaced, 503 unavailable, 401 logged out). drop: the connection dies without a word. silence: the server stops answering for `ms`.',
	method: 'post',
	path: '/api/sandbox/sessions/{session}/faults',
	scope: 'session',
	params: sessionParams,
	body: z.discriminatedUnion('type', [
		z.object({ type: z.literal('stream-error'), code: z.number().int().min(400).max(599) }).strict(),
		z.object({ type: z.literal('drop') }).strict(),
		z.object({ type: z.literal('silence'), ms: z.number().int().min(1).max(600_000) }).strict(),
	]),
	response: { schema: z.object({ injected: z.literal(true) }) },
	handler: ({ params, body, services }) => {
		const me = services.sessions.session(params.session).status.me;
		if (!me) throw conflict('session_not_paired', `Session "${params.session}" is not linked to a sandbox account.`);
		sandboxOf(services).injectFault(me.jid, body);
		return { injected: true as const };
	},
});

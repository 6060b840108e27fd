import type { Request } from 'express';
import { HttpError } from '../lib/errors.js';
import { keyMatches } from '../lib/keys.js';
import type { Caller, Scope } from '../operations/registry.js';
import type { SessionRepository } from '../store/session-repo.js';

/** The key from `X-Api-Key`, or from `Authorization: Bearer <key>`. */
export function presentedKey(req: Request): string | undefined {
	const header = req.get('x-api-key');
	if (header) return header;
	const authorization = req.get('authorization');
	const bearer = authorization?.match(/^Bearer\s+(.+)$/i);
	return bearer?.[1];
}

/**
 * Decides whether the presented key may call a route. The admin key may call everything; a session's key
 * only the routes of that session (`{session}` in the path) and `any` routes. Keys are compared as digests in
 * constant time.
 */
export function authorize(
	key: string | undefined,
	scope: Scope,
	targetSession: string | undefined,
	adminKeyHash: string,
	sessions: SessionRepository,
): Caller {
	if (!key) throw new HttpError(401, 'unauthorized', 'Missing API key: send it in the X-Api-Key header.');
	if (keyMatches(key, adminKeyHash)) return { role: 'admin' };
	if (scope === 'session' && targetSession) {
		const record = sessions.get(targetSession);
		if (record && keyMatches(key, record.apiKeyHash)) return { role: 'session', sessionId: targetSession };
	}
	const owner = sessions.list().find((record) => keyMatches(key, record.apiKeyHash));
	if (owner && scope === 'any') return { role: 'session', sessionId: owner.id };
	if (owner) throw new HttpError(403, 'forbidden', 'This API key belongs to another session or lacks admin rights.');
	throw new HttpError(401, 'unauthorized', 'Invalid API key.');
}

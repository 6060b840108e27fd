import { createHash, timingSafeEqual } from 'node:crypto';

/** API keys are stored only as SHA-256 digests; a leaked database does not leak working keys. */
export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Constant-time check of a presented key against a stored digest. Comparing digests (always 32 bytes) keeps
 * the comparison length-independent, so neither the key nor its length leaks through timing.
 */
export function keyMatches(presented: string, storedHash: string | null | undefined): boolean {
	if (!storedHash) return false;
	const a = createHash('sha256').update(presented, 'utf8').digest();
	const b = Buffer.from(storedHash, 'hex');
	return b.length === a.length && timingSafeEqual(a, b);
}

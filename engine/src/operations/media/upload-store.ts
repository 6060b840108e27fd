import { randomBytes } from 'node:crypto';
import type { OutgoingMedia } from '../../sessions/outgoing.js';

/**
 * Files uploaded ahead of a send (`uploadMedia`), kept in memory per session for a limited time and up to a total
 * size, oldest dropped first. Ids are random, so one session can never name another session's file.
 */
interface Entry {
	session: string;
	media: OutgoingMedia;
	expiresAt: number;
}

const TTL_MS = 60 * 60 * 1000;
const entries = new Map<string, Entry>();
let totalBytes = 0;

function drop(id: string): void {
	const entry = entries.get(id);
	if (!entry) return;
	totalBytes -= entry.media.data.length;
	entries.delete(id);
}

function prune(now: number): void {
	for (const [id, entry] of entries) if (entry.expiresAt <= now) drop(id);
}

/** Keeps `media` for `session`; the store as a whole holds at most `budgetBytes`. */
export function storeUpload(session: string, media: OutgoingMedia, budgetBytes: number): { mediaId: string; expiresAt: number } {
	const now = Date.now();
	prune(now);
	for (const id of entries.keys()) {
		if (totalBytes + media.data.length <= budgetBytes) break;
		drop(id);
	}
	const mediaId = `med_${randomBytes(12).toString('base64url')}`;
	const expiresAt = now + TTL_MS;
	entries.set(mediaId, { session, media, expiresAt });
	totalBytes += media.data.length;
	return { mediaId, expiresAt };
}

export function findUpload(session: string, mediaId: string): OutgoingMedia | undefined {
	const entry = entries.get(mediaId);
	if (!entry || entry.session !== session || entry.expiresAt <= Date.now()) return undefined;
	return entry.media;
}

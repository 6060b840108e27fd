import { z } from 'zod';
import { badRequest, notFound } from '../lib/errors.js';
import type { EngineServices } from '../services.js';
import type { OutgoingMedia } from '../sessions/outgoing.js';
import { fetchMediaUrl, tooLarge } from './media/fetch-url.js';
import { findUpload } from './media/upload-store.js';

/**
 * Media given inline as base64 (a data: URL works too), as an http(s) URL the engine fetches (public addresses
 * only unless the engine allows private ones), or as the id `uploadMedia` returned.
 */
export const mediaInput = z
	.object({
		base64: z.string().min(1).optional().describe('File content, base64 (or a data: URL)'),
		url: z.string().min(1).max(4096).optional().describe('http(s) URL the engine downloads the file from'),
		mediaId: z.string().regex(/^med_[\w-]{8,64}$/).optional().describe('Id returned by uploadMedia'),
		mimetype: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).optional().describe('e.g. image/jpeg; taken from the data: URL, the download or the upload when omitted'),
		fileName: z.string().min(1).max(255).optional(),
	})
	.strict()
	.refine((m) => [m.base64, m.url, m.mediaId].filter((v) => v !== undefined).length === 1, {
		message: 'give exactly one of base64, url or mediaId',
	})
	.describe('Media');
export type MediaInput = z.infer<typeof mediaInput>;

/** Turns media input into bytes, refusing empty, malformed, too large or unsafe content. */
export async function loadMedia(input: MediaInput, services: EngineServices, session?: string): Promise<OutgoingMedia> {
	const maxBytes = services.config.mediaMaxBytes;
	if (input.mediaId !== undefined) {
		const stored = session ? findUpload(session, input.mediaId) : undefined;
		if (!stored) throw notFound('media_not_found', `No uploaded media "${input.mediaId}" for this session (uploads expire after an hour).`);
		return { ...stored, mimetype: input.mimetype ?? stored.mimetype, fileName: input.fileName ?? stored.fileName };
	}
	if (input.url !== undefined) {
		const fetched = await fetchMediaUrl(input.url, { maxBytes, allowPrivate: services.config.allowPrivateMediaUrls });
		return { data: fetched.data, mimetype: input.mimetype ?? fetched.mimetype, fileName: input.fileName ?? fetched.fileName };
	}
	const raw = input.base64 ?? '';
	const dataUrl = raw.match(/^data:([\w.+-]+\/[\w.+-]+)?(?:;[^,]*)?;base64,(.*)$/s);
	const base64 = (dataUrl ? dataUrl[2] : raw).replace(/\s/g, '');
	if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64)) throw badRequest('media.base64 is not valid base64.');
	if (Math.floor((base64.length * 3) / 4) - 2 > maxBytes) throw tooLarge(maxBytes);
	const data = Buffer.from(base64, 'base64');
	if (data.length === 0) throw badRequest('The media is empty.');
	if (data.length > maxBytes) throw tooLarge(maxBytes);
	return { data, mimetype: input.mimetype ?? dataUrl?.[1], fileName: input.fileName };
}

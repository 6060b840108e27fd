import { z } from 'zod';
import { badRequest } from '../lib/errors.js';
import type { EngineServices } from '../services.js';
import type { OutgoingMedia } from '../sessions/outgoing.js';

/** Media given inline as base64 (a data: URL works too). */
export const mediaInput = z
	.object({
		base64: z.string().min(1).describe('File content, base64 (or a data: URL)'),
		mimetype: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/).optional().describe('e.g. image/jpeg; taken from a data: URL when omitted'),
		fileName: z.string().min(1).max(255).optional(),
	})
	.strict()
	.describe('Media');
export type MediaInput = z.infer<typeof mediaInput>;

/** Decodes media input into bytes, refusing empty or malformed content. */
export async function loadMedia(input: MediaInput, _services: EngineServices): Promise<OutgoingMedia> {
	const dataUrl = input.base64.match(/^data:([\w.+-]+\/[\w.+-]+)?(?:;[^,]*)?;base64,(.*)$/s);
	const base64 = (dataUrl ? dataUrl[2] : input.base64).replace(/\s/g, '');
	if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64)) throw badRequest('media.base64 is not valid base64.');
	const data = Buffer.from(base64, 'base64');
	if (data.length === 0) throw badRequest('The media is empty.');
	return { data, mimetype: input.mimetype ?? dataUrl?.[1], fileName: input.fileName };
}

import { badRequest } from '../../lib/errors.js';
import type { EngineServices } from '../../services.js';
import { loadMedia, type MediaInput } from '../media.js';

/** The bytes of a group photo; anything that says it is not an image is refused before WhatsApp is asked. */
export async function loadPhoto(input: MediaInput, services: EngineServices, session: string): Promise<Buffer> {
	const media = await loadMedia(input, services, session);
	if (media.mimetype && !media.mimetype.startsWith('image/')) throw badRequest(`A group photo must be an image, not ${media.mimetype}.`);
	return media.data;
}

import { z } from 'zod';
import type { EngineServices } from '../../services.js';
import type { InteractiveHeaderMedia, OutgoingButton } from '../../sessions/outgoing.js';
import { loadMedia, mediaInput } from '../media.js';

/** Said in every interactive operation's description: it is true and users should know before relying on it. */
export const RENDERING_CAVEAT =
	"Built by hand and relayed as is (Baileys has no helper for it): WhatsApp often does not render this on recipients' phones when it comes from a linked personal account.";

const replyButton = z.object({ type: z.literal('reply'), text: z.string().min(1).max(25), id: z.string().min(1).max(256) }).strict();
const urlButton = z.object({ type: z.literal('url'), text: z.string().min(1).max(25), url: z.string().regex(/^https?:\/\/\S+$/i, 'an http(s) URL').max(2048) }).strict();
const callButton = z.object({ type: z.literal('call'), text: z.string().min(1).max(25), phone: z.string().regex(/^\+?[\d\s()-]{7,20}$/, 'a phone number') }).strict();
const copyButton = z.object({ type: z.literal('copy'), text: z.string().min(1).max(25), code: z.string().min(1).max(256) }).strict();

export const button = z.discriminatedUnion('type', [replyButton, urlButton, callButton, copyButton]);
/** Legacy templates know no copy button. */
export const templateButton = z.discriminatedUnion('type', [replyButton, urlButton, callButton]);

export const headerMedia = z
	.object({ type: z.enum(['image', 'video', 'document']), media: mediaInput })
	.strict()
	.describe('Header media');

export async function loadHeader(
	header: z.infer<typeof headerMedia> | undefined,
	services: EngineServices,
	session: string,
): Promise<InteractiveHeaderMedia | undefined> {
	if (!header) return undefined;
	return { kind: header.type, media: await loadMedia(header.media, services, session) };
}

export const toButtons = (buttons: Array<z.infer<typeof button>>): OutgoingButton[] => buttons as OutgoingButton[];

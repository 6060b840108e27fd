import { z } from 'zod';
import { notSupported } from '../../lib/errors.js';
import { toJid } from '../../lib/recipient.js';
import type { EngineServices } from '../../services.js';
import type { StatusContent } from '../../sessions/status-actions.js';
import { recipient } from '../schemas.js';

/** WhatsApp delivers a status only to the people it is encrypted for; it keeps no audience of its own. */
export const recipientsField = z
	.array(recipient)
	.min(1)
	.max(5000)
	.optional()
	.describe("Who sees the status; the session's contacts (from the engine's store) when omitted");

export const hexColor = z
	.string()
	.regex(/^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'a colour as #RRGGBB or #AARRGGBB');

export const sentStatus = z
	.object({
		id: z.string().describe('WhatsApp message id'),
		timestamp: z.number().int().describe('Epoch seconds'),
		recipients: z.array(z.string()).describe('The JIDs the status was encrypted for'),
	})
	.describe('SentStatus');

/** The largest audience the engine takes from the store when the caller names none. */
const STORE_AUDIENCE_LIMIT = 5000;

/** The audience: the caller's list, else every person in the store's contacts, never the account itself or groups. */
function audience(services: EngineServices, session: string, recipients: string[] | undefined): string[] {
	const own = services.sessions.session(session);
	const jids = recipients
		? recipients.map(toJid)
		: own.store
				.listContacts({ limit: STORE_AUDIENCE_LIMIT, offset: 0 })
				.map((contact) => (contact.phone ? `${contact.phone}@s.whatsapp.net` : contact.id))
				.filter((jid) => jid.endsWith('@s.whatsapp.net') || jid.endsWith('@lid'));
	const unique = [...new Set(jids)];
	if (unique.some((jid) => !jid.endsWith('@s.whatsapp.net') && !jid.endsWith('@lid'))) {
		throw notSupported('A status goes to people only: give phone numbers, person JIDs or LIDs as recipients.');
	}
	if (unique.length === 0) {
		throw notSupported(
			'Nobody would see this status: WhatsApp delivers a status only to the people the sender lists, the request names no recipients and the engine knows no contacts of this session yet.',
		);
	}
	return unique;
}

export async function postStatus(services: EngineServices, session: string, content: StatusContent, recipients: string[] | undefined) {
	const list = audience(services, session, recipients);
	const sent = await services.sessions.session(session).statuses.send(content, list);
	return { ...sent, recipients: list };
}

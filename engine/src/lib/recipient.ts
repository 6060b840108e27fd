import { badRequest } from './errors.js';

const JID_SERVERS = ['s.whatsapp.net', 'lid', 'g.us', 'newsletter', 'broadcast'] as const;

/**
 * Turns whatever a user typed as a recipient into a WhatsApp JID. Accepts phone numbers in any common
 * format (`+49 151 2345678`, `0049-151-2345678`, `491512345678`) and JIDs (`…@s.whatsapp.net`, `…@c.us`,
 * `…@lid`, `…@g.us`, `…@newsletter`, `status@broadcast`). A device suffix (`:12`) is dropped: messages go to the
 * user, WhatsApp fans out to devices.
 */
export function toJid(input: string): string {
	const value = input.trim();
	const at = value.indexOf('@');
	if (at >= 0) {
		const user = value.slice(0, at).split(':')[0];
		const server = value.slice(at + 1).toLowerCase();
		const normalisedServer = server === 'c.us' ? 's.whatsapp.net' : server;
		if (!(JID_SERVERS as readonly string[]).includes(normalisedServer)) {
			throw badRequest(`"${input}" is not a WhatsApp address: unknown server "${server}".`);
		}
		if (normalisedServer === 'broadcast' ? user !== 'status' : !/^[\d-]+$/.test(user)) {
			throw badRequest(`"${input}" is not a valid WhatsApp address.`);
		}
		return `${user}@${normalisedServer}`;
	}
	let digits = value.replace(/[\s().\-/]/g, '');
	if (digits.startsWith('+')) digits = digits.slice(1);
	else if (digits.startsWith('00')) digits = digits.slice(2);
	if (!/^\d{7,15}$/.test(digits)) {
		throw badRequest(`"${input}" is neither a phone number with country code nor a WhatsApp address (JID).`);
	}
	return `${digits}@s.whatsapp.net`;
}

/** The phone number of a phone-number JID, undefined for LIDs, groups and others. */
export const phoneOf = (jid: string | undefined): string | undefined => {
	const match = jid?.match(/^(\d+)(?::\d+)?@s\.whatsapp\.net$/);
	return match?.[1];
};

/** `123:4@lid` → `123@lid`; undefined for anything that is not a LID. */
export const lidOf = (jid: string | undefined): string | undefined => {
	const match = jid?.match(/^(\d+)(?::\d+)?@lid$/);
	return match ? `${match[1]}@lid` : undefined;
};

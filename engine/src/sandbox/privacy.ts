import { getBinaryNodeChild, getBinaryNodeChildren, type BinaryNode } from '@whiskeysockets/baileys';
import { lidJid, pnJid, type Account, type AccountPrivacy, type DeviceRecord } from './accounts.js';
import { IqError, unixNow, type Connection, type SandboxServer } from './server.js';

/** The values WhatsApp accepts for each privacy category, the first being the default of a new account. */
const CATEGORIES: Record<string, readonly string[]> = {
	last: ['all', 'contacts', 'contact_blacklist', 'none'],
	online: ['all', 'match_last_seen'],
	profile: ['all', 'contacts', 'contact_blacklist', 'none'],
	status: ['all', 'contacts', 'contact_blacklist', 'none'],
	readreceipts: ['all', 'none'],
	groupadd: ['all', 'contacts', 'contact_blacklist'],
	calladd: ['all', 'known'],
	messages: ['all', 'contacts'],
	defense: ['off', 'on_standard'],
	stickers: ['all', 'none'],
};

/** The default disappearing timers WhatsApp offers: off, 24 hours, 7 days, 90 days. */
const DISAPPEARING_DURATIONS = new Set([0, 86_400, 604_800, 7_776_000]);

const me = (conn: Connection): DeviceRecord => {
	if (!conn.device) throw new IqError(401, 'not-authorized');
	return conn.device;
};

const privacyOf = (account: Account): AccountPrivacy =>
	(account.privacy ??= { settings: {}, blocked: new Set(), disappearing: { duration: 0, t: 0 } });

/** Every privacy category of an account: what it set, else WhatsApp's default. */
export const privacySettings = (account: Account): Record<string, string> =>
	Object.fromEntries(Object.entries(CATEGORIES).map(([name, values]) => [name, account.privacy?.settings[name] ?? values[0]!]));

/** Whether `account` blocked `other`: WhatsApp then drops what `other` sends it. */
export const hasBlocked = (account: Account, other: Account): boolean => account.privacy?.blocked.has(other.phone) ?? false;

/** The default disappearing mode of an account, as usync's `disappearing_mode` protocol reports it. */
export const disappearingMode = (account: Account): { duration: number; t: number } => account.privacy?.disappearing ?? { duration: 0, t: 0 };

/**
 * An account's privacy as WhatsApp's server keeps it: the privacy categories (`privacy` IQ), the blocklist
 * (`blocklist` IQ; items name the blocked user by LID, blocking also carries the phone number), the default
 * disappearing timer (`disappearing_mode` IQ) and the status audience lists (`status` IQ with `<privacy>`).
 */
export const registerPrivacy = (server: SandboxServer): void => {
	server.onIq('privacy', (conn, iq) => {
		const account = me(conn).account;
		if (iq.attrs.type !== 'set') {
			const settings = privacySettings(account);
			return { tag: 'privacy', attrs: {}, content: Object.entries(settings).map(([name, value]) => ({ tag: 'category', attrs: { name, value } })) };
		}
		const changes = getBinaryNodeChildren(getBinaryNodeChild(iq, 'privacy'), 'category');
		if (!changes.length) throw new IqError(400, 'bad-request');
		for (const { attrs } of changes) if (!CATEGORIES[attrs.name ?? '']?.includes(attrs.value ?? '')) throw new IqError(400, 'bad-request');
		for (const { attrs } of changes) privacyOf(account).settings[attrs.name!] = attrs.value!;
		server.changed();
		return undefined;
	});

	server.onIq('blocklist', (conn, iq) => {
		const account = me(conn).account;
		if (iq.attrs.type !== 'set') {
			const items = [...(account.privacy?.blocked ?? [])].flatMap((phone) => {
				const blocked = server.registry.byPhoneNumber(phone);
				return blocked ? [{ tag: 'item', attrs: { jid: lidJid(blocked.lid), pn_jid: pnJid(blocked.phone) } }] : [];
			});
			return { tag: 'list', attrs: {}, content: items };
		}
		const item = getBinaryNodeChild(iq, 'item');
		const action = item?.attrs.action;
		if (action !== 'block' && action !== 'unblock') throw new IqError(400, 'bad-request');
		const target = server.registry.resolve(item?.attrs.jid ?? '')?.account;
		if (!target) throw new IqError(404, 'item-not-found');
		if (target === account) throw new IqError(406, 'not-acceptable');
		if (action === 'block') privacyOf(account).blocked.add(target.phone);
		else account.privacy?.blocked.delete(target.phone);
		server.changed();
		return undefined;
	});

	server.onIq('disappearing_mode', (conn, iq) => {
		const duration = Number(getBinaryNodeChild(iq, 'disappearing_mode')?.attrs.duration);
		if (iq.attrs.type !== 'set' || !DISAPPEARING_DURATIONS.has(duration)) throw new IqError(400, 'bad-request');
		privacyOf(me(conn).account).disappearing = { duration, t: unixNow() };
		server.changed();
		return undefined;
	});

	// Who sees the account's status updates: WhatsApp keeps an allow list and a deny list besides "my contacts".
	// Nothing a linked device sends can fill the lists, so every account shares with its contacts and both lists are empty.
	server.onIq('status/privacy', (conn, iq) => {
		me(conn);
		if (iq.attrs.type !== 'get') throw new IqError(400, 'bad-request');
		const lists: BinaryNode[] = ['contacts', 'blacklist', 'whitelist'].map((type) => ({
			tag: 'list',
			attrs: { type, ...(type === 'contacts' ? { default: 'true' } : {}) },
		}));
		return { tag: 'privacy', attrs: {}, content: lists };
	});
};

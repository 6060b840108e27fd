import { getBinaryNodeChild, getBinaryNodeChildren, isLidUser, jidDecode, jidNormalizedUser, S_WHATSAPP_NET, type WASocket } from '@whiskeysockets/baileys';
import { notFound } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { whatsapp } from './whatsapp-call.js';

/** The privacy settings this engine names, with WhatsApp's category for each and the values WhatsApp accepts for it. */
export const PRIVACY_SETTINGS = {
	last_seen: { category: 'last', values: ['all', 'contacts', 'contact_blacklist', 'none'] },
	online: { category: 'online', values: ['all', 'match_last_seen'] },
	profile: { category: 'profile', values: ['all', 'contacts', 'contact_blacklist', 'none'] },
	status: { category: 'status', values: ['all', 'contacts', 'contact_blacklist', 'none'] },
	read_receipts: { category: 'readreceipts', values: ['all', 'none'] },
	group_add: { category: 'groupadd', values: ['all', 'contacts', 'contact_blacklist'] },
	call_add: { category: 'calladd', values: ['all', 'known'] },
} as const;

export type PrivacySetting = keyof typeof PRIVACY_SETTINGS;

/** The default disappearing timers WhatsApp offers, in seconds. */
export const DISAPPEARING_TIMERS = { off: 0, '24h': 86_400, '7d': 604_800, '90d': 7_776_000 } as const;

export interface BlockedUser {
	jid: string;
	phone?: string;
}

export interface StatusAudienceList {
	/** `contacts`: all contacts; `blacklist`: contacts except the users; `whitelist`: only the users. */
	type: string;
	/** The list WhatsApp applies to new status updates. */
	default: boolean;
	users: string[];
}

const phoneOfJid = (jid: string | undefined): string | undefined => {
	const decoded = jid ? jidDecode(jid) : undefined;
	return decoded?.server === 's.whatsapp.net' ? decoded.user : undefined;
};

/** Privacy settings, the default disappearing timer and the blocklist. */
export class PrivacyActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}

	/** Every privacy setting, asked from WhatsApp (not Baileys' login-time copy): known ones by this engine's name, the rest by WhatsApp's. */
	async settings(): Promise<{ settings: Partial<Record<PrivacySetting, string>>; other: Record<string, string> }> {
		const socket = this.socket();
		const categories = { ...(await whatsapp(() => socket.fetchPrivacySettings(true))) } as Record<string, string>;
		const settings: Partial<Record<PrivacySetting, string>> = {};
		for (const [name, { category }] of Object.entries(PRIVACY_SETTINGS) as Array<[PrivacySetting, { category: string }]>) {
			if (categories[category] !== undefined) settings[name] = categories[category];
			delete categories[category];
		}
		return { settings, other: categories };
	}

	/** Changes one setting; the caller has checked the value against `PRIVACY_SETTINGS`. */
	async update(setting: PrivacySetting, value: string): Promise<void> {
		const socket = this.socket();
		const updates: Record<PrivacySetting, (value: never) => Promise<void>> = {
			last_seen: socket.updateLastSeenPrivacy,
			online: socket.updateOnlinePrivacy,
			profile: socket.updateProfilePicturePrivacy,
			status: socket.updateStatusPrivacy,
			read_receipts: socket.updateReadReceiptsPrivacy,
			group_add: socket.updateGroupsAddPrivacy,
			call_add: socket.updateCallPrivacy,
		};
		await whatsapp(() => updates[setting](value as never));
	}

	async setDefaultDisappearingTimer(seconds: number): Promise<void> {
		const socket = this.socket();
		await whatsapp(() => socket.updateDefaultDisappearingMode(seconds));
	}

	/** The blocked users. WhatsApp names them by LID; the phone number is added where this session knows it. */
	async blocklist(): Promise<BlockedUser[]> {
		const socket = this.socket();
		const jids = (await whatsapp(() => socket.fetchBlocklist())).filter((jid): jid is string => !!jid).map((jid) => jidNormalizedUser(jid));
		const lids = jids.filter((jid) => isLidUser(jid));
		const mapped = lids.length ? await whatsapp(() => socket.signalRepository.lidMapping.getPNsForLIDs(lids)) : null;
		const pnOf = new Map((mapped ?? []).map(({ lid, pn }) => [jidNormalizedUser(lid), pn]));
		return jids.map((jid) => {
			const phone = phoneOfJid(isLidUser(jid) ? pnOf.get(jid) : jid);
			return { jid, ...(phone && { phone }) };
		});
	}

	/** Blocks or unblocks each user in turn (WhatsApp takes one per request); stops at the first refusal. */
	async updateBlocklist(action: 'block' | 'unblock', jids: string[]): Promise<void> {
		const socket = this.socket();
		for (const jid of jids) {
			await whatsapp(async () => {
				try {
					await socket.updateBlockStatus(jid, action);
				} catch (error) {
					// WhatsApp blocks by LID: a number without one has no WhatsApp account, a LID without a known number cannot be blocked.
					if (/Unable to resolve/.test((error as Error).message ?? '')) {
						throw notFound('user_not_found', `${jid} cannot be ${action}ed: ${isLidUser(jid) ? 'this session does not know the phone number of this LID' : 'the number is not on WhatsApp'}.`);
					}
					throw error;
				}
			});
		}
	}

	/**
	 * Who sees the account's status updates: WhatsApp's `status` IQ with `<privacy>`, which Baileys has no helper for
	 * (whatsmeow calls it GetStatusPrivacy).
	 */
	async statusAudience(): Promise<StatusAudienceList[]> {
		const socket = this.socket();
		const result = await whatsapp(() =>
			socket.query({ tag: 'iq', attrs: { xmlns: 'status', type: 'get', to: S_WHATSAPP_NET }, content: [{ tag: 'privacy', attrs: {} }] }),
		);
		return getBinaryNodeChildren(getBinaryNodeChild(result, 'privacy'), 'list').map((list) => ({
			type: list.attrs.type ?? '',
			default: list.attrs.default === 'true',
			users: getBinaryNodeChildren(list, 'user').map((user) => user.attrs.jid ?? ''),
		}));
	}
}

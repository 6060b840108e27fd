import { USyncQuery, USyncUser, isLidUser, jidDecode, jidEncode, jidNormalizedUser, proto, type WASocket } from '@whiskeysockets/baileys';
import { HttpError, notFound } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { appState, whatsapp } from './whatsapp-call.js';

/** One device of a WhatsApp account, as WhatsApp's device list reports it. */
export interface UserDevice {
	id: number;
	jid: string;
	/** `phone`: the primary (device 0); `companion`: a linked device (web, desktop, tablet); `hosted`: a Cloud API host. */
	kind: 'phone' | 'companion' | 'hosted';
}

export interface BusinessProfile {
	description: string;
	category?: string;
	email?: string;
	website: string[];
	address?: string;
}

export interface UserInfo {
	jid: string;
	phone?: string;
	lid?: string;
	exists: boolean;
	/** The about text; null when there is none or the user's privacy settings hide it. */
	about: string | null;
	/** When the about text was set, epoch milliseconds. */
	aboutSetAt?: number;
	/** URL of the profile picture thumbnail; null when there is none or it is hidden from this account. */
	pictureUrl: string | null;
	devices: UserDevice[];
	/** The business profile of a WhatsApp Business account; null for personal accounts. */
	business: BusinessProfile | null;
}

/** WhatsApp answers these IQ error codes when a picture does not exist or is hidden from the asker. */
const PICTURE_ABSENT = new Set([401, 403, 404]);

const iqErrorCode = (error: unknown): number | undefined => {
	const data = (error as { data?: unknown } | undefined)?.data;
	return typeof data === 'number' ? data : undefined;
};

const phoneOfJid = (jid: string | null | undefined): string | undefined => {
	const decoded = jid ? jidDecode(jid) : undefined;
	return decoded?.server === 's.whatsapp.net' ? decoded.user : undefined;
};

/**
 * The names of the `DeviceProps.PlatformType` codes: the number a device announces about itself when it links
 * (the last field of a pairing QR code). No WhatsApp call is needed to name one.
 */
export function platformName(code: number): string | undefined {
	return proto.DeviceProps.PlatformType[code];
}

/** Contacts and users: lookups, LID/phone resolution, devices, address book. */
export class ContactActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}

	/**
	 * Everything WhatsApp tells about each user: registration, about text, picture, devices, LID and business profile.
	 * Users are phone-number JIDs or LIDs; a LID is looked up by its phone number when this session knows it.
	 */
	async userInfo(jids: string[]): Promise<UserInfo[]> {
		const socket = this.socket();
		const mapping = socket.signalRepository.lidMapping;
		const lids = jids.filter((jid) => isLidUser(jid));
		const pns = jids.filter((jid) => !isLidUser(jid));
		// LIDs of phone numbers come from WhatsApp when unknown; phone numbers of LIDs only from what the session learned.
		const [lidsOfPns, pnsOfLids] = await whatsapp(() =>
			Promise.all([pns.length ? mapping.getLIDsForPNs(pns) : null, lids.length ? mapping.getPNsForLIDs(lids) : null]),
		);
		const lidOf = new Map((lidsOfPns ?? []).map(({ pn, lid }) => [jidNormalizedUser(pn), jidNormalizedUser(lid)]));
		const pnOf = new Map((pnsOfLids ?? []).map(({ pn, lid }) => [jidNormalizedUser(lid), pn]));
		const users = jids.map((jid) =>
			isLidUser(jid) ? { jid, lid: jid, phone: phoneOfJid(pnOf.get(jid)) } : { jid, phone: phoneOfJid(jid), lid: lidOf.get(jid) },
		);
		// Asked by phone number when known: WhatsApp answers every protocol for those.
		const addressOf = (user: (typeof users)[number]) => (user.phone ? jidEncode(user.phone, 's.whatsapp.net') : user.jid);
		const addresses = users.map(addressOf);
		const phones = users.filter((user) => user.phone).map((user) => `+${user.phone}`);
		const [registered, statuses, devices] = await whatsapp(() =>
			Promise.all([
				phones.length ? socket.onWhatsApp(...phones) : Promise.resolve([]),
				socket.fetchStatus(...addresses),
				this.devices(socket, addresses),
			]),
		);
		const existing = new Set((registered ?? []).filter((entry) => entry.exists).map((entry) => jidNormalizedUser(entry.jid)));
		const statusOf = new Map((statuses ?? []).map((entry) => [jidNormalizedUser(entry.id), entry.status as { status?: string | null; setAt?: Date } | undefined]));
		return whatsapp(() =>
			Promise.all(
				users.map(async (user) => {
					const address = addressOf(user);
					const userDevices = devices.get(address) ?? [];
					const exists = user.phone ? existing.has(address) : userDevices.length > 0;
					const status = statusOf.get(address);
					const [pictureUrl, business] = exists ? await Promise.all([this.pictureUrl(address, 'preview'), this.business(address)]) : [null, null];
					return {
						jid: user.jid,
						...(user.phone && { phone: user.phone }),
						...(user.lid && { lid: user.lid }),
						exists,
						about: status?.status || null,
						...(status?.status && status.setAt && status.setAt.getTime() > 0 && { aboutSetAt: status.setAt.getTime() }),
						pictureUrl: pictureUrl ?? null,
						devices: userDevices,
						business,
					};
				}),
			),
		);
	}

	/** Which phone numbers have a WhatsApp account (phone-number JIDs in, one answer per number). */
	async checkOnWhatsApp(jids: string[]): Promise<Array<{ phone: string; jid: string; exists: boolean }>> {
		const socket = this.socket();
		const found = await whatsapp(() => socket.onWhatsApp(...jids.map((jid) => `+${phoneOfJid(jid)}`)));
		const existing = new Set((found ?? []).filter((entry) => entry.exists).map((entry) => jidNormalizedUser(entry.jid)));
		return jids.map((jid) => ({ phone: phoneOfJid(jid)!, jid, exists: existing.has(jid) }));
	}

	/** The URL of a user's or group's picture (`preview`: the thumbnail), or undefined when there is none to see. */
	async pictureUrl(jid: string, type: 'preview' | 'image'): Promise<string | undefined> {
		const socket = this.socket();
		return whatsapp(async () => {
			try {
				return await socket.profilePictureUrl(jid, type);
			} catch (error) {
				if (PICTURE_ABSENT.has(iqErrorCode(error) ?? 0)) return undefined;
				throw error;
			}
		});
	}

	/** The picture itself, downloaded from WhatsApp's media host (`fetchOptions` carries the sandbox's CA). */
	async pictureFile(jid: string, type: 'preview' | 'image', fetchOptions: object = {}): Promise<{ url: string; data: Buffer; mimetype: string; fileName: string }> {
		const url = await this.pictureUrl(jid, type);
		if (!url) throw pictureNotFound(jid);
		let response: Response;
		try {
			response = await fetch(url, { ...fetchOptions, signal: AbortSignal.timeout(30_000) });
		} catch (error) {
			throw new HttpError(502, 'picture_download_failed', `The profile picture could not be downloaded: ${(error as Error).message}`);
		}
		if (!response.ok) throw new HttpError(502, 'picture_download_failed', `WhatsApp's media host answered ${response.status} for the profile picture.`);
		const data = Buffer.from(await response.arrayBuffer());
		const given = response.headers.get('content-type')?.split(';')[0]?.trim();
		// WhatsApp serves profile pictures as JPEG, sometimes labelled as a generic binary.
		return { url, data, mimetype: given?.startsWith('image/') ? given : 'image/jpeg', fileName: `${jidDecode(jid)?.user ?? 'picture'}-${type}.jpg` };
	}

	/** Adds a contact to, or renames it in, the address book of the phone (an app-state change). */
	async upsert(jid: string, contact: { fullName: string; firstName?: string }): Promise<void> {
		const socket = this.socket();
		await appState(() => socket.addOrEditContact(jid, { ...contact, saveOnPrimaryAddressbook: true }));
	}

	async remove(jid: string): Promise<void> {
		const socket = this.socket();
		await appState(() => socket.removeContact(jid));
	}

	/** The LID of a phone number: known to this session, or asked from WhatsApp. */
	async lidForPhone(jid: string): Promise<string> {
		const socket = this.socket();
		const lid = await whatsapp(() => socket.signalRepository.lidMapping.getLIDForPN(jid));
		if (!lid) throw notFound('lid_not_found', `WhatsApp has no LID for +${phoneOfJid(jid)}: the number is not on WhatsApp.`);
		return jidNormalizedUser(lid);
	}

	/** The phone number behind a LID. WhatsApp has no query for this; only mappings this session has learned count. */
	async phoneForLid(lid: string): Promise<string> {
		const socket = this.socket();
		const pn = await whatsapp(() => socket.signalRepository.lidMapping.getPNForLID(lid));
		if (!pn) {
			throw notFound(
				'phone_not_found',
				`This session does not know the phone number of ${lid}. WhatsApp reveals it only through messages, groups that share phone numbers, or a lookup of that number (getLidForPhone, getUserInfo).`,
			);
		}
		return jidNormalizedUser(pn);
	}

	/** The devices of each user, by the address asked for. */
	async userDevices(jids: string[]): Promise<Map<string, UserDevice[]>> {
		const socket = this.socket();
		return whatsapp(() => this.devices(socket, jids));
	}

	/** The devices of this session's own account: the phone and every linked companion (this session included). */
	async linkedDevices(): Promise<{ account: string; self: string; devices: Array<UserDevice & { self: boolean }> }> {
		const socket = this.socket();
		const self = socket.user!.id;
		const account = jidNormalizedUser(self);
		const devices = (await this.userDevices([account])).get(account) ?? [];
		const ownDevice = jidDecode(self)?.device ?? 0;
		return { account, self, devices: devices.map((device) => ({ ...device, self: device.id === ownDevice })) };
	}

	private async devices(socket: WASocket, jids: string[]): Promise<Map<string, UserDevice[]>> {
		const query = new USyncQuery().withContext('message').withDeviceProtocol();
		for (const jid of jids) query.withUser(new USyncUser().withId(jid));
		const result = await socket.executeUSyncQuery(query);
		const devices = new Map<string, UserDevice[]>();
		for (const entry of result?.list ?? []) {
			const user = jidNormalizedUser(entry.id);
			const decoded = jidDecode(user)!;
			const list = (entry.devices as { deviceList?: Array<{ id: number; isHosted?: boolean }> } | undefined)?.deviceList ?? [];
			devices.set(
				user,
				list.map(({ id, isHosted }) => ({
					id,
					jid: jidEncode(decoded.user, decoded.server, id || undefined),
					kind: id === 0 ? 'phone' : isHosted ? 'hosted' : 'companion',
				})),
			);
		}
		return devices;
	}

	private async business(jid: string): Promise<BusinessProfile | null> {
		const profile = await this.socket().getBusinessProfile(jid);
		if (!profile) return null;
		return {
			description: profile.description,
			website: profile.website,
			...(profile.category && { category: profile.category }),
			...(profile.email && { email: profile.email }),
			...(profile.address && { address: profile.address }),
		};
	}
}

export const pictureNotFound = (jid: string) =>
	notFound('picture_not_found', `${jid} has no profile picture, or its privacy settings hide it from this account.`);

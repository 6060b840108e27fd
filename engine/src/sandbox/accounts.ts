import { randomInt } from 'node:crypto';
import { Curve, jidDecode, jidEncode, type BinaryNode, type KeyPair } from '@whiskeysockets/baileys';

export const PN_SERVER = 's.whatsapp.net';
export const LID_SERVER = 'lid';

/** Whatever can carry stanzas to a logged-in device (the server's Connection). */
export interface DeviceLink {
	send(node: BinaryNode): void;
	readonly open: boolean;
}

export interface SignedPreKey {
	id: number;
	pub: Buffer;
	sig: Buffer;
}

export interface DeviceRecord {
	readonly account: Account;
	readonly id: number;
	keyIndex: number;
	noisePub?: Buffer;
	identityPub: Buffer;
	registrationId: number;
	signedPreKey: SignedPreKey;
	/** One-time prekeys, consumed (deleted) as bundles are handed out. */
	preKeys: Map<number, Buffer>;
	platform?: string;
	link?: DeviceLink;
	/** Stanzas waiting for the device to come online; flushed with `offline` on the next login. */
	queue: BinaryNode[];
}

export interface Account {
	readonly phone: string;
	readonly lid: string;
	name: string;
	/** The primary's ADV account key: companions' identities are signed with it. */
	readonly accountKey: KeyPair;
	readonly devices: Map<number, DeviceRecord>;
	nextDeviceId: number;
	nextKeyIndex: number;
	/** The about text, and when it was set (Unix seconds). */
	status: string;
	statusSetAt: number;
	/** The profile photo as the account set it (JPEG) and the thumbnail served for `preview` requests. */
	picture?: { id: string; image: Buffer; preview: Buffer };
	lastSeen: number;
	online: boolean;
	/** Who subscribed to this account's presence, as device jids to push updates to. */
	readonly presenceSubscribers: Set<DeviceRecord>;
	/** What the account changed of its privacy (sandbox/privacy.ts); absent until it changes something. */
	privacy?: AccountPrivacy;
}

export interface AccountPrivacy {
	/** Privacy categories the account set (`last`, `online`, …); the others keep WhatsApp's defaults. */
	settings: Record<string, string>;
	/** Blocked accounts, by phone number. */
	blocked: Set<string>;
	/** The default disappearing timer for new chats (seconds, 0 = off) and when it was set (Unix seconds). */
	disappearing: { duration: number; t: number };
}

export const pnJid = (phone: string, device?: number): string => jidEncode(phone, PN_SERVER, device || undefined);
export const lidJid = (lid: string, device?: number): string => jidEncode(lid, LID_SERVER, device || undefined);
export const deviceJid = (d: DeviceRecord, domain: 'pn' | 'lid'): string =>
	domain === 'lid' ? lidJid(d.account.lid, d.id) : pnJid(d.account.phone, d.id);

export class AccountRegistry {
	private readonly byPhone = new Map<string, Account>();
	private readonly byLid = new Map<string, Account>();
	private phoneSeq = 0;

	create(input: { phone?: string; name?: string; accountKey?: KeyPair }): Account {
		const phone = (input.phone ?? this.freePhone()).replace(/[^0-9]/g, '');
		if (this.byPhone.has(phone)) throw new Error(`account ${phone} already exists`);
		let lid: string;
		do lid = String(100000000000000 + randomInt(0, 2 ** 47)).slice(0, 15);
		while (this.byLid.has(lid));
		const account: Account = {
			phone,
			lid,
			name: input.name ?? `Contact ${phone.slice(-4)}`,
			accountKey: input.accountKey ?? Curve.generateKeyPair(),
			devices: new Map(),
			nextDeviceId: 1,
			nextKeyIndex: 1,
			status: 'Hey there! I am using WhatsApp.',
			statusSetAt: Math.floor(Date.now() / 1000),
			lastSeen: Math.floor(Date.now() / 1000),
			online: false,
			presenceSubscribers: new Set(),
		};
		this.byPhone.set(phone, account);
		this.byLid.set(lid, account);
		return account;
	}

	private freePhone(): string {
		let phone: string;
		do phone = `1555${String(1000000 + ++this.phoneSeq * 7 + randomInt(0, 7)).slice(-7)}`;
		while (this.byPhone.has(phone));
		return phone;
	}

	addDevice(
		account: Account,
		keys: { id?: number; identityPub: Uint8Array; registrationId: number; signedPreKey: SignedPreKey; noisePub?: Uint8Array; platform?: string },
	): DeviceRecord {
		const id = keys.id ?? account.nextDeviceId++;
		if (id >= account.nextDeviceId) account.nextDeviceId = id + 1;
		const device: DeviceRecord = {
			account,
			id,
			keyIndex: id === 0 ? 0 : account.nextKeyIndex++,
			identityPub: Buffer.from(keys.identityPub),
			registrationId: keys.registrationId,
			signedPreKey: keys.signedPreKey,
			preKeys: new Map(),
			queue: [],
			...(keys.noisePub ? { noisePub: Buffer.from(keys.noisePub) } : {}),
			...(keys.platform ? { platform: keys.platform } : {}),
		};
		account.devices.set(id, device);
		return device;
	}

	removeDevice(device: DeviceRecord): void {
		device.account.devices.delete(device.id);
	}

	byPhoneNumber(phone: string): Account | undefined {
		return this.byPhone.get(phone.replace(/[^0-9]/g, ''));
	}

	/** Resolves a PN or LID jid (with or without device) or a bare phone number. */
	resolve(jidOrPhone: string): { account: Account; device?: DeviceRecord; domain: 'pn' | 'lid' } | undefined {
		if (!jidOrPhone.includes('@')) {
			const account = this.byPhoneNumber(jidOrPhone);
			return account ? { account, domain: 'pn' } : undefined;
		}
		const decoded = jidDecode(jidOrPhone);
		if (!decoded) return undefined;
		const domain = decoded.server === LID_SERVER ? 'lid' : decoded.server === PN_SERVER || decoded.server === 'c.us' ? 'pn' : undefined;
		if (!domain) return undefined;
		const account = domain === 'lid' ? this.byLid.get(decoded.user) : this.byPhone.get(decoded.user);
		if (!account) return undefined;
		const device = decoded.device !== undefined ? account.devices.get(decoded.device) : undefined;
		return { account, domain, ...(decoded.device !== undefined ? { device: device! } : {}) } as {
			account: Account;
			device?: DeviceRecord;
			domain: 'pn' | 'lid';
		};
	}

	accounts(): Account[] {
		return [...this.byPhone.values()];
	}

	/** How many made-up phone numbers were handed out (persisted so a restored world keeps counting). */
	get phoneCounter(): number {
		return this.phoneSeq;
	}

	/** Replaces the whole registry, e.g. with a world restored from disk (or an empty one). */
	load(accounts: Account[], phoneCounter = 0): void {
		this.byPhone.clear();
		this.byLid.clear();
		for (const account of accounts) {
			this.byPhone.set(account.phone, account);
			this.byLid.set(account.lid, account);
		}
		this.phoneSeq = phoneCounter;
	}

	/** `<user>` content of an `iq xmlns=encrypt <key>` answer; consumes one one-time prekey. */
	bundle(device: DeviceRecord, jid: string): BinaryNode {
		const content: BinaryNode[] = [
			{ tag: 'registration', attrs: {}, content: u32(device.registrationId) },
			{ tag: 'type', attrs: {}, content: Buffer.from([5]) },
			{ tag: 'identity', attrs: {}, content: device.identityPub },
			{
				tag: 'skey',
				attrs: {},
				content: [
					{ tag: 'id', attrs: {}, content: u24(device.signedPreKey.id) },
					{ tag: 'value', attrs: {}, content: device.signedPreKey.pub },
					{ tag: 'signature', attrs: {}, content: device.signedPreKey.sig },
				],
			},
		];
		const first = device.preKeys.entries().next();
		if (!first.done) {
			const [id, pub] = first.value;
			device.preKeys.delete(id);
			content.push({
				tag: 'key',
				attrs: {},
				content: [
					{ tag: 'id', attrs: {}, content: u24(id) },
					{ tag: 'value', attrs: {}, content: pub },
				],
			});
		}
		return { tag: 'user', attrs: { jid }, content };
	}
}

export const u32 = (n: number): Buffer => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(n >>> 0);
	return b;
};
export const u24 = (n: number): Buffer => Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
export const readUInt = (b: Uint8Array | undefined): number => {
	let n = 0;
	for (const x of b ?? []) n = n * 256 + x;
	return n;
};

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { proto, type AuthenticationCreds, type BinaryNode, type KeyPair } from '@whiskeysockets/baileys';
import { decodeJson, encodeJson } from '../store/json-codec.js';
import type { Account, SignedPreKey } from './accounts.js';
import type { Collection } from './app-state.js';
import type { AppStateKey } from './auth.js';
import type { Group } from './groups.js';

/**
 * The sandbox world as written to its state file. Accounts are referred to by phone number, devices by
 * phone + device id. Binary values go through the Buffer-preserving JSON codec.
 */
export interface SandboxState {
	version: 1;
	savedAt: number;
	phoneCounter: number;
	accounts: AccountState[];
	contacts: ContactState[];
	appStateKeys: Array<{ phone: string; keyId: string; keyData: Buffer }>;
	appState: Array<{ phone: string; collections: Array<{ name: string; version: number; patches: Buffer[] }> }>;
	groupAddressingMode: 'pn' | 'lid';
	groups: GroupState[];
	/** Message id -> sender, so receipts for messages sent before a restart still find their way back. */
	sent: Array<{ id: string; phone: string; device: number; chat: string; domain: 'pn' | 'lid' }>;
}

export interface AccountState {
	phone: string;
	lid: string;
	name: string;
	accountKey: KeyPair;
	nextDeviceId: number;
	nextKeyIndex: number;
	status: string;
	statusSetAt?: number;
	picture?: { id: string; image: Buffer; preview: Buffer };
	lastSeen: number;
	devices: DeviceState[];
	privacy?: { settings: Record<string, string>; blocked: string[]; disappearing: { duration: number; t: number } };
}

export interface DeviceState {
	id: number;
	keyIndex: number;
	noisePub?: Buffer;
	identityPub: Buffer;
	registrationId: number;
	signedPreKey: SignedPreKey;
	preKeys: Array<[number, Buffer]>;
	platform?: string;
	queue: BinaryNode[];
}

export interface ContactState {
	phone: string;
	creds: AuthenticationCreds;
	/** The contact's Signal key store, as `type:id` -> value. */
	keys: Array<[string, unknown]>;
}

export interface GroupState {
	id: string;
	subject: string;
	subjectOwner: string;
	subjectTime: number;
	creation: number;
	creator: string;
	mode: 'pn' | 'lid';
	members: Array<[string, 'admin' | 'superadmin' | null]>;
	description?: { id: string; text: string; owner: string; t: number };
	announce: boolean;
	locked: boolean;
	invite: string;
	ephemeral?: number;
	joinApproval?: boolean;
	/** Pending join requests: phone, Unix seconds, how they asked. */
	requests?: Array<[string, number, string]>;
	picture?: { id: string; data: Buffer };
}

/** How many message-id -> sender records are kept across a restart (the newest). */
const SENT_LIMIT = 5_000;
export const limitSent = <T>(entries: T[]): T[] => entries.slice(-SENT_LIMIT);

export const encodeAccount = (a: Account): AccountState => ({
	phone: a.phone,
	lid: a.lid,
	name: a.name,
	accountKey: a.accountKey,
	nextDeviceId: a.nextDeviceId,
	nextKeyIndex: a.nextKeyIndex,
	status: a.status,
	statusSetAt: a.statusSetAt,
	...(a.picture ? { picture: a.picture } : {}),
	lastSeen: a.lastSeen,
	...(a.privacy ? { privacy: { settings: a.privacy.settings, blocked: [...a.privacy.blocked], disappearing: a.privacy.disappearing } } : {}),
	devices: [...a.devices.values()].map(d => ({
		id: d.id,
		keyIndex: d.keyIndex,
		...(d.noisePub ? { noisePub: d.noisePub } : {}),
		identityPub: d.identityPub,
		registrationId: d.registrationId,
		signedPreKey: d.signedPreKey,
		preKeys: [...d.preKeys.entries()],
		...(d.platform ? { platform: d.platform } : {}),
		queue: d.queue,
	})),
});

const buf = (v: unknown, what: string): Buffer => {
	if (v instanceof Uint8Array) return Buffer.from(v);
	throw new Error(`${what} is not binary`);
};

export const decodeAccount = (s: AccountState): Account => {
	if (typeof s.phone !== 'string' || typeof s.lid !== 'string' || !Array.isArray(s.devices)) throw new Error('malformed account');
	const account: Account = {
		phone: s.phone,
		lid: s.lid,
		name: String(s.name ?? ''),
		accountKey: { public: buf(s.accountKey?.public, 'account key'), private: buf(s.accountKey?.private, 'account key') },
		devices: new Map(),
		nextDeviceId: Number(s.nextDeviceId) || 1,
		nextKeyIndex: Number(s.nextKeyIndex) || 1,
		status: String(s.status ?? ''),
		statusSetAt: Number(s.statusSetAt) || 0,
		...(s.picture
			? { picture: { id: String(s.picture.id), image: buf(s.picture.image, 'profile picture'), preview: buf(s.picture.preview, 'profile picture preview') } }
			: {}),
		lastSeen: Number(s.lastSeen) || 0,
		...(s.privacy
			? {
					privacy: {
						settings: { ...s.privacy.settings },
						blocked: new Set((s.privacy.blocked ?? []).map(String)),
						disappearing: { duration: Number(s.privacy.disappearing?.duration) || 0, t: Number(s.privacy.disappearing?.t) || 0 },
					},
				}
			: {}),
		online: false,
		presenceSubscribers: new Set(),
	};
	for (const d of s.devices) {
		account.devices.set(d.id, {
			account,
			id: d.id,
			keyIndex: d.keyIndex,
			...(d.noisePub ? { noisePub: buf(d.noisePub, 'noise key') } : {}),
			identityPub: buf(d.identityPub, 'identity key'),
			registrationId: d.registrationId,
			signedPreKey: { id: d.signedPreKey.id, pub: buf(d.signedPreKey.pub, 'signed prekey'), sig: buf(d.signedPreKey.sig, 'signed prekey signature') },
			preKeys: new Map(d.preKeys.map(([id, pub]) => [id, buf(pub, 'prekey')])),
			...(d.platform ? { platform: d.platform } : {}),
			queue: Array.isArray(d.queue) ? d.queue : [],
		});
	}
	return account;
};

export const encodeGroup = (g: Group): GroupState => ({
	id: g.id,
	subject: g.subject,
	subjectOwner: g.subjectOwner.phone,
	subjectTime: g.subjectTime,
	creation: g.creation,
	creator: g.creator.phone,
	mode: g.mode,
	members: [...g.members].map(([a, role]) => [a.phone, role ?? null]),
	...(g.description ? { description: { id: g.description.id, text: g.description.text, owner: g.description.owner.phone, t: g.description.t } } : {}),
	announce: g.announce,
	locked: g.locked,
	invite: g.invite,
	ephemeral: g.ephemeral,
	joinApproval: g.joinApproval,
	requests: [...g.requests].map(([a, r]) => [a.phone, r.t, r.method]),
	...(g.picture ? { picture: g.picture } : {}),
});

export const decodeGroup = (s: GroupState, account: (phone: string) => Account): Group => ({
	id: s.id,
	subject: s.subject,
	subjectOwner: account(s.subjectOwner),
	subjectTime: s.subjectTime,
	creation: s.creation,
	creator: account(s.creator),
	mode: s.mode === 'pn' ? 'pn' : 'lid',
	members: new Map(s.members.map(([phone, role]) => [account(phone), role ?? undefined])),
	...(s.description
		? { description: { id: s.description.id, text: s.description.text, owner: account(s.description.owner), t: s.description.t } }
		: {}),
	announce: !!s.announce,
	locked: !!s.locked,
	invite: s.invite,
	ephemeral: Number(s.ephemeral) || 0,
	joinApproval: !!s.joinApproval,
	requests: new Map((s.requests ?? []).map(([phone, t, method]) => [account(phone), { t, method }])),
	...(s.picture ? { picture: { id: String(s.picture.id), data: buf(s.picture.data, 'group picture') } } : {}),
});

export const encodeCollections = (cols: Map<string, Collection>): SandboxState['appState'][number]['collections'] =>
	[...cols].map(([name, c]) => ({ name, version: c.version, patches: c.patches }));

export const decodeCollections = (cols: SandboxState['appState'][number]['collections']): Map<string, Collection> =>
	new Map(cols.map(c => [c.name, { version: c.version, patches: c.patches.map(p => buf(p, 'app-state patch')) }]));

/**
 * Protobuf objects serialise through their toJSON (bytes as base64, longs as strings); they are rebuilt as
 * messages on the way back, as Baileys' own file auth state does.
 */
export const decodeCreds = (creds: AuthenticationCreds): AuthenticationCreds => {
	if (!creds?.noiseKey || !creds.signedIdentityKey) throw new Error('malformed contact credentials');
	if (creds.account) creds.account = proto.ADVSignedDeviceIdentity.fromObject(creds.account);
	return creds;
};

export const decodeKeys = (keys: Array<[string, unknown]>): Array<[string, unknown]> =>
	keys.map(([k, v]) => [k, k.startsWith('app-state-sync-key:') ? proto.Message.AppStateSyncKeyData.fromObject(v as object) : v]);

export const decodeAppStateKey = (k: { keyId: string; keyData: Buffer }): AppStateKey => ({ keyId: String(k.keyId), keyData: buf(k.keyData, 'app-state key') });

/** Reads a state file: undefined when there is none; throws when it is unreadable or not a sandbox state. */
export const readState = async (file: string): Promise<SandboxState | undefined> => {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw err;
	}
	const state = decodeJson<SandboxState>(text);
	if (!state || typeof state !== 'object' || state.version !== 1 || !Array.isArray(state.accounts)) {
		throw new Error('not a sandbox state file (version 1)');
	}
	return state;
};

/** Writes atomically: a temp file next to the target, then a rename over it. */
export const writeState = async (file: string, state: SandboxState): Promise<void> => {
	const text = encodeJson(state);
	await mkdir(dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	await writeFile(tmp, text, { mode: 0o600 });
	await rename(tmp, file);
};

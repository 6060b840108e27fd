import { randomBytes } from 'node:crypto';
import {
	Curve,
	initAuthCreds,
	proto,
	type AuthenticationCreds,
	type AuthenticationState,
	type SignalDataSet,
	type SignalDataTypeMap,
	type SignalKeyStore,
} from '@whiskeysockets/baileys';
import { lidJid, type Account, type AccountRegistry, type DeviceRecord } from './accounts.js';
import { signCompanion } from './pairing.js';

/**
 * A plain in-memory Signal key store; enough for simulated contacts and tests. `data` maps `type:id` to the value;
 * `onChange` runs after every write (the sandbox saves its world then).
 */
export const memoryKeyStore = (
	initial?: Iterable<[string, unknown]>,
	onChange?: () => void,
): SignalKeyStore & { data: Map<string, unknown> } => {
	const data = new Map<string, unknown>(initial ?? []);
	return {
		data,
		async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
			const out: { [id: string]: SignalDataTypeMap[T] } = {};
			for (const id of ids) {
				const v = data.get(`${type}:${id}`);
				if (v !== undefined) out[id] = v as SignalDataTypeMap[T];
			}
			return out;
		},
		async set(set: SignalDataSet) {
			for (const [type, entries] of Object.entries(set)) {
				for (const [id, value] of Object.entries(entries ?? {})) {
					if (value === null || value === undefined) data.delete(`${type}:${id}`);
					else data.set(`${type}:${id}`, value);
				}
			}
			onChange?.();
		},
		async clear() {
			data.clear();
			onChange?.();
		},
	};
};

/** Per-account app-state sync key, as the primary phone would share it with every companion. */
export interface AppStateKey {
	keyId: string;
	keyData: Buffer;
}

export const newAppStateKey = (): AppStateKey => ({ keyId: randomBytes(6).toString('base64'), keyData: randomBytes(32) });

export const seedAppStateKey = async (state: AuthenticationState, key: AppStateKey): Promise<void> => {
	state.creds.myAppStateKeyId = key.keyId;
	await state.keys.set({
		'app-state-sync-key': {
			[key.keyId]: proto.Message.AppStateSyncKeyData.fromObject({
				keyData: key.keyData,
				fingerprint: { rawId: 1, currentIndex: 0, deviceIndexes: [0] },
				timestamp: Date.now(),
			}),
		},
	});
};

/**
 * Credentials for a device that is already linked: registered in the sandbox with its identity and signed prekey,
 * so a Baileys socket using them logs in at once (no QR). Device 0 is the account's primary; its identity key is
 * the account (ADV) key, as on a real phone.
 */
/** One-time prekeys an already-linked device has on the server (Baileys tops up below 5). */
const PROVISIONED_PREKEYS = 50;

export const provisionDevice = (
	registry: AccountRegistry,
	account: Account,
	deviceId: number | undefined,
	primaryCreds?: AuthenticationCreds,
	onKeysChange?: () => void,
): { state: AuthenticationState; device: DeviceRecord } => {
	const creds = primaryCreds ?? initAuthCreds();
	const isPrimary = deviceId === 0;
	if (isPrimary && !Buffer.from(account.accountKey.private).equals(Buffer.from(creds.signedIdentityKey.private))) {
		throw new Error('primary creds must use the account key as identity');
	}
	const device = registry.addDevice(account, {
		...(deviceId !== undefined ? { id: deviceId } : {}),
		identityPub: creds.signedIdentityKey.public,
		registrationId: creds.registrationId,
		signedPreKey: {
			id: creds.signedPreKey.keyId,
			pub: Buffer.from(creds.signedPreKey.keyPair.public),
			sig: Buffer.from(creds.signedPreKey.signature),
		},
		noisePub: creds.noiseKey.public,
	});
	const signed = signCompanion(account, creds.signedIdentityKey.public, device.keyIndex);
	const deviceMsg = Buffer.concat([
		Buffer.from([6, 1]),
		signed.details!,
		creds.signedIdentityKey.public,
		account.accountKey.public,
	]);
	const accountIdentity = proto.ADVSignedDeviceIdentity.fromObject({
		...signed,
		deviceSignature: Curve.sign(creds.signedIdentityKey.private, deviceMsg),
	});
	creds.me = { id: `${account.phone}:${device.id}@s.whatsapp.net`, lid: `${account.lid}:${device.id}@lid`, name: account.name };
	creds.account = accountIdentity;
	creds.registered = true;
	creds.platform = isPrimary ? 'android' : 'web';
	// skips Baileys' 20 s AwaitingInitialSync wait on the first connection
	creds.accountSyncCounter = 1;
	creds.signalIdentities = [
		{ identifier: { name: lidJid(account.lid), deviceId: 0 }, identifierKey: Buffer.concat([Buffer.from([5]), account.accountKey.public]) },
	];
	// An already-linked device uploaded its one-time prekeys long ago: the server holds the public halves, the
	// device the key pairs. (Logging in without them would make Baileys upload a batch first.)
	const keys = memoryKeyStore(undefined, onKeysChange);
	const first = creds.nextPreKeyId;
	for (let id = first; id < first + PROVISIONED_PREKEYS; id++) {
		const pair = Curve.generateKeyPair();
		keys.data.set(`pre-key:${id}`, pair);
		device.preKeys.set(id, Buffer.from(pair.public));
	}
	creds.nextPreKeyId = first + PROVISIONED_PREKEYS;
	creds.firstUnuploadedPreKeyId = first + PROVISIONED_PREKEYS;
	return { state: { creds, keys }, device };
};

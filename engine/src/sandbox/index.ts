import { proto, WA_CERT_DETAILS, type MediaDownloadOptions, type UserFacingSocketConfig } from '@whiskeysockets/baileys';
import { pino, type Logger } from 'pino';
import type { Account, DeviceRecord } from './accounts.js';
import { AppStateStore } from './app-state.js';
import { memoryKeyStore, newAppStateKey, provisionDevice, seedAppStateKey, type AppStateKey } from './auth.js';
import { Calls } from './calls.js';
import { BaileysContact, type SimContact } from './contacts.js';
import { injectFault, type Fault } from './faults.js';
import { Groups } from './groups.js';
import { registerBasicIqs } from './iq-basic.js';
import { MediaServer } from './media.js';
import { completePairing, parseQr } from './pairing.js';
import { registerPrivacy } from './privacy.js';
import { registerProfiles } from './profiles.js';
import { Router } from './routing.js';
import {
	decodeAccount,
	decodeAppStateKey,
	decodeCollections,
	decodeCreds,
	decodeGroup,
	decodeKeys,
	encodeAccount,
	encodeCollections,
	encodeGroup,
	limitSent,
	readState,
	writeState,
	type SandboxState,
} from './persistence.js';
import { SandboxServer, unixNow } from './server.js';

export type { SimContact, ReceivedMessage, ReceiptEvent, PresenceEvent } from './contacts.js';
export type { Fault } from './faults.js';
export { memoryKeyStore } from './auth.js';
export { endSocket } from './contacts.js';

export interface SandboxOptions {
	host?: string;
	port?: number;
	logger?: Logger;
	/**
	 * Where the simulated world (accounts, devices and their keys, contacts' own credentials, groups, app state,
	 * queued offline stanzas) is kept, so it survives a restart. Without it the world lives in memory only.
	 */
	stateFile?: string;
}

/** How soon after a change the world is written (one timer, however many changes). */
const SAVE_DELAY_MS = 250;

/**
 * An in-process WhatsApp server that unmodified Baileys sockets connect to over ws://: noise handshake, QR pairing,
 * login, Signal-blob routing, groups, media over HTTPS, app state, presence and fault injection.
 */
export class WhatsAppSandbox {
	private readonly contacts = new Map<string, BaileysContact>();
	private readonly appStateKeys = new Map<Account, AppStateKey>();
	readonly router: Router;
	readonly groups: Groups;
	readonly appState: AppStateStore;
	readonly calls: Calls;
	/** Companions linked by QR that still wait for the phone to share the app-state key with them. */
	private readonly keySharePending = new Set<DeviceRecord>();
	private saveTimer: NodeJS.Timeout | undefined;
	private saving: Promise<void> = Promise.resolve();
	private stopped = false;

	private constructor(
		readonly server: SandboxServer,
		readonly media: MediaServer,
		readonly logger: Logger,
		private readonly stateFile?: string,
	) {
		registerBasicIqs(server);
		media.register(server);
		this.router = new Router(server);
		this.groups = new Groups(server, this.router, media);
		registerProfiles(server, media);
		registerPrivacy(server);
		this.appState = new AppStateStore(server);
		this.calls = new Calls(server);
		server.hooks.onDeviceAdded = device => this.announceDevices(device, 'add');
		server.hooks.onDeviceRemoved = device => this.announceDevices(device, 'remove');
		server.hooks.onChange = () => this.scheduleSave();
		server.hooks.onLogin = device => {
			if (this.keySharePending.delete(device)) void this.shareAppStateKey(device);
		};
		this.groups.onChange = () => this.scheduleSave();
	}

	static async start(options: SandboxOptions = {}): Promise<WhatsAppSandbox> {
		const host = options.host ?? '127.0.0.1';
		const logger = options.logger ?? pino({ level: 'silent' });
		const server = new SandboxServer(logger.child({ sandbox: 'ws' }));
		const media = new MediaServer(logger.child({ sandbox: 'media' }), host);
		await server.listen(host, options.port ?? 0);
		await media.listen(0);
		const sandbox = new WhatsAppSandbox(server, media, logger, options.stateFile);
		if (options.stateFile) await sandbox.restore(options.stateFile);
		return sandbox;
	}

	/** Loads a saved world; a missing file means a fresh one, an unreadable one is set aside with a warning. */
	private async restore(file: string): Promise<void> {
		let state: SandboxState | undefined;
		try {
			state = await readState(file);
		} catch (err) {
			this.logger.warn({ err, file }, 'sandbox state file is unreadable; starting a fresh simulated world');
			return;
		}
		if (!state) {
			this.logger.info({ file }, 'no sandbox state yet; starting a fresh simulated world');
			return;
		}
		let contacts: Array<{ account: Account; state: import('@whiskeysockets/baileys').AuthenticationState }>;
		try {
			contacts = this.load(state);
		} catch (err) {
			this.logger.warn({ err, file }, 'sandbox state file is not valid; starting a fresh simulated world');
			this.reset();
			return;
		}
		this.installTrust();
		for (const { account, state: auth } of contacts) this.addContact(account, auth);
		this.logger.info({ file, accounts: state.accounts.length, contacts: contacts.length, groups: state.groups.length }, 'sandbox world restored');
	}

	/** Rebuilds the world from a saved state; throws (leaving a half-built world for reset()) when it is malformed. */
	private load(state: SandboxState): Array<{ account: Account; state: import('@whiskeysockets/baileys').AuthenticationState }> {
		const accounts = state.accounts.map(decodeAccount);
		const byPhone = new Map(accounts.map(a => [a.phone, a]));
		const account = (phone: string): Account => {
			const a = byPhone.get(phone);
			if (!a) throw new Error(`state refers to unknown account ${phone}`);
			return a;
		};
		const groups = (state.groups ?? []).map(g => decodeGroup(g, account));
		const appState = (state.appState ?? []).map(e => [account(e.phone), decodeCollections(e.collections)] as [Account, ReturnType<typeof decodeCollections>]);
		const keys = (state.appStateKeys ?? []).map(k => [account(k.phone), decodeAppStateKey(k)] as const);
		const sent = (state.sent ?? []).flatMap(s => {
			const sender = account(s.phone).devices.get(s.device);
			return sender ? [[s.id, { sender, chat: s.chat, domain: s.domain }] as const] : [];
		});
		const contacts = (state.contacts ?? []).map(c => ({
			account: account(c.phone),
			state: { creds: decodeCreds(c.creds), keys: memoryKeyStore(decodeKeys(c.keys), () => this.scheduleSave()) },
		}));
		this.server.registry.load(accounts, state.phoneCounter);
		this.groups.load(groups, state.groupAddressingMode === 'pn' ? 'pn' : 'lid');
		this.appState.load(appState);
		this.appStateKeys.clear();
		for (const [a, k] of keys) this.appStateKeys.set(a, k);
		this.router.sent.clear();
		for (const [id, record] of sent) this.router.sent.set(id, record);
		return contacts;
	}

	private reset(): void {
		this.server.registry.load([]);
		this.groups.load([]);
		this.appState.load([]);
		this.appStateKeys.clear();
		this.router.sent.clear();
	}

	private snapshot(): SandboxState {
		const accounts = this.server.registry.accounts();
		return {
			version: 1,
			savedAt: Date.now(),
			phoneCounter: this.server.registry.phoneCounter,
			accounts: accounts.map(encodeAccount),
			contacts: [...this.contacts.values()].map(c => ({
				phone: c.phone,
				creds: c.state.creds,
				keys: [...(c.state.keys as ReturnType<typeof memoryKeyStore>).data.entries()],
			})),
			appStateKeys: [...this.appStateKeys].map(([a, k]) => ({ phone: a.phone, keyId: k.keyId, keyData: k.keyData })),
			appState: this.appState
				.entries()
				.filter(([a]) => this.server.registry.byPhoneNumber(a.phone) === a)
				.map(([a, cols]) => ({ phone: a.phone, collections: encodeCollections(cols) })),
			groupAddressingMode: this.groups.defaultMode,
			groups: this.groups.list().map(encodeGroup),
			sent: limitSent(
				[...this.router.sent].map(([id, r]) => ({ id, phone: r.sender.account.phone, device: r.sender.id, chat: r.chat, domain: r.domain })),
			),
		};
	}

	/** Saves the world shortly; many changes in a row make one write. */
	private scheduleSave(): void {
		if (!this.stateFile || this.stopped || this.saveTimer) return;
		this.saveTimer = setTimeout(() => {
			this.saveTimer = undefined;
			void this.save();
		}, SAVE_DELAY_MS);
		this.saveTimer.unref();
	}

	/** Writes the world now (writes are queued, never interleaved). Resolves when it is on disk. */
	save(): Promise<void> {
		const file = this.stateFile;
		if (!file) return Promise.resolve();
		let state: SandboxState;
		try {
			state = this.snapshot();
		} catch (err) {
			this.logger.warn({ err }, 'could not snapshot the sandbox world');
			return this.saving;
		}
		this.saving = this.saving
			.then(() => writeState(file, state))
			.catch(err => this.logger.warn({ err, file }, 'could not save the sandbox world'));
		return this.saving;
	}

	get wsUrl(): string {
		return `ws://${this.server.host}:${this.server.port}/ws/chat`;
	}

	/** The media server's CA certificate (PEM), for clients outside this process. */
	get mediaCaPem(): string {
		return this.media.caPem;
	}

	/** The noise root public key (32 bytes) that Baileys must trust; see installTrust. */
	get noiseRootPublicKey(): Buffer {
		return Buffer.from(this.server.ca.root.public);
	}

	installTrust(): void {
		(WA_CERT_DETAILS as { PUBLIC_KEY: Buffer; SERIAL: number }).PUBLIC_KEY = Buffer.from(this.server.ca.root.public);
		(WA_CERT_DETAILS as { PUBLIC_KEY: Buffer; SERIAL: number }).SERIAL = 0;
	}

	socketConfig(): Partial<UserFacingSocketConfig> {
		return {
			waWebSocketUrl: this.wsUrl,
			fetchAgent: this.media.agent as never,
			defaultQueryTimeoutMs: 5_000,
			connectTimeoutMs: 5_000,
			keepAliveIntervalMs: 30_000,
			retryRequestDelayMs: 50,
			syncFullHistory: false,
			shouldSyncHistoryMessage: () => false,
			fireInitQueries: true,
			qrTimeout: 20_000,
		};
	}

	/** Pass to downloadMediaMessage / downloadContentFromMessage: an undici dispatcher that trusts the media CA. */
	mediaDownloadOptions(): MediaDownloadOptions {
		return { options: { dispatcher: this.media.dispatcher } as unknown as MediaDownloadOptions['options'] };
	}

	private appStateKey(account: Account): AppStateKey {
		let key = this.appStateKeys.get(account);
		if (!key) this.appStateKeys.set(account, (key = newAppStateKey()));
		return key;
	}

	async createContact(input: { phone?: string; name?: string } = {}): Promise<SimContact> {
		return this.ensureContact(input);
	}

	private async ensureContact(input: { phone?: string; name?: string }): Promise<BaileysContact> {
		const existing = input.phone ? this.contacts.get(input.phone.replace(/[^0-9]/g, '')) : undefined;
		if (existing) return existing;
		const { initAuthCreds } = await import('@whiskeysockets/baileys');
		const creds = initAuthCreds();
		const account = this.server.registry.create({
			...(input.phone ? { phone: input.phone } : {}),
			...(input.name ? { name: input.name } : {}),
			accountKey: creds.signedIdentityKey,
		});
		const { state } = provisionDevice(this.server.registry, account, 0, creds, () => this.scheduleSave());
		await seedAppStateKey(state, this.appStateKey(account));
		this.installTrust();
		const contact = this.addContact(account, state);
		this.scheduleSave();
		await contact.ready();
		return contact;
	}

	/** Starts the contact's Baileys socket; it reconnects by itself until the sandbox stops. */
	private addContact(account: Account, state: import('@whiskeysockets/baileys').AuthenticationState): BaileysContact {
		const contact = new BaileysContact(account, state, {
			wsUrl: this.wsUrl,
			logger: this.logger.child({ sandbox: 'contact' }),
			socketConfig: () => this.socketConfig() as Record<string, unknown>,
			downloadOptions: () => this.mediaDownloadOptions(),
			onChange: () => this.scheduleSave(),
		});
		this.contacts.set(account.phone, contact);
		void contact.connect();
		return contact;
	}

	/**
	 * Credentials of an already-linked companion device of `phone` (the account and its phone are created if
	 * needed). A Baileys socket started with them logs in without a QR; app-state keys are pre-shared.
	 */
	async provisionDevice(phone?: string, name?: string): Promise<{ state: import('@whiskeysockets/baileys').AuthenticationState; jid: string; lid: string }> {
		const contact = await this.ensureContact({ ...(phone ? { phone } : {}), ...(name ? { name } : {}) });
		const { state, device } = provisionDevice(this.server.registry, contact.account, undefined);
		await seedAppStateKey(state, this.appStateKey(contact.account));
		this.announceDevices(device, 'add');
		this.scheduleSave();
		return { state, jid: state.creds.me!.id, lid: state.creds.me!.lid! };
	}

	contact(phoneOrJid: string): SimContact | undefined {
		const r = this.server.registry.resolve(phoneOrJid);
		return r ? this.contacts.get(r.account.phone) : undefined;
	}

	/** The contact `phone` rings `to` (phone number or JID); undefined when either is unknown. */
	call(phone: string, to: string, options: { video?: boolean } = {}): string | undefined {
		const caller = this.contacts.get(phone);
		const callee = this.server.registry.resolve(to);
		return caller && callee ? this.calls.offer(caller.account, callee.account, options) : undefined;
	}

	listContacts(): SimContact[] {
		return [...this.contacts.values()];
	}

	async scanQr(qr: string, account: { phone?: string; name?: string } = {}): Promise<{ phone: string; jid: string; lid: string }> {
		const parsed = parseQr(qr);
		const conn = this.server.pendingByNoiseKey(parsed.noiseKeyB64);
		if (!conn) throw new Error('no connection is waiting for this QR');
		const phone = await this.ensureContact(account);
		const device = await completePairing(this.server, conn, phone.account, parsed);
		this.keySharePending.add(device);
		this.scheduleSave();
		return {
			phone: phone.account.phone,
			jid: `${phone.account.phone}:${device.id}@s.whatsapp.net`,
			lid: `${phone.account.lid}:${device.id}@lid`,
		};
	}

	/**
	 * What a phone does for a device it has just linked: an APP_STATE_SYNC_KEY_SHARE protocol message, sent from
	 * the phone (device 0) to that one device, so the companion can read and write app state (archive, pin, mute).
	 */
	private async shareAppStateKey(device: DeviceRecord): Promise<void> {
		const phone = this.contacts.get(device.account.phone);
		if (!phone) return;
		try {
			await phone.ready();
			const key = this.appStateKey(device.account);
			const target = `${device.account.phone}:${device.id}@s.whatsapp.net`;
			await phone.socket.relayMessage(
				target,
				{
					protocolMessage: {
						type: proto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE,
						appStateSyncKeyShare: {
							keys: [
								{
									keyId: { keyId: Buffer.from(key.keyId, 'base64') },
									keyData: { keyData: key.keyData, fingerprint: { rawId: 1, currentIndex: 0, deviceIndexes: [0, device.keyIndex] }, timestamp: Date.now() },
								},
							],
						},
					},
				},
				{ participant: { jid: target, count: 0 }, additionalAttributes: { category: 'peer', push_priority: 'high_force' } },
			);
		} catch (err) {
			this.logger.debug({ err, phone: device.account.phone, device: device.id }, 'could not share the app-state key with a new companion');
		}
	}

	injectFault(target: string, fault: Fault): void {
		injectFault(this.server, target, fault);
		this.scheduleSave();
	}

	/** Tells every online device that `device`'s account changed its device list (Baileys drops its cache). */
	private announceDevices(device: DeviceRecord, tag: 'add' | 'remove'): void {
		const account = device.account;
		for (const other of this.server.registry.accounts()) {
			for (const d of other.devices.values()) {
				if (d === device || !d.link?.open) continue;
				d.link.send({
					tag: 'notification',
					attrs: { id: `dev${unixNow()}${Math.random().toString(36).slice(2, 8)}`, type: 'devices', from: `${account.phone}@s.whatsapp.net`, t: String(unixNow()) },
					content: [
						{
							tag: tag === 'add' ? 'update' : 'remove',
							attrs: { hash: 'sandbox' },
							content: [{ tag: 'device', attrs: { jid: `${account.phone}:${device.id}@s.whatsapp.net` } }],
						},
					],
				});
			}
		}
	}

	/** Stops the contacts and both servers, then writes the world one last time; no timer outlives it. */
	async stop(): Promise<void> {
		this.stopped = true;
		clearTimeout(this.saveTimer);
		this.saveTimer = undefined;
		await Promise.all([...this.contacts.values()].map(c => c.stop()));
		await this.server.close();
		await this.media.close();
		await this.save();
	}
}

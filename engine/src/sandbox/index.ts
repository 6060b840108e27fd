import { WA_CERT_DETAILS, type MediaDownloadOptions, type UserFacingSocketConfig } from '@whiskeysockets/baileys';
import { pino, type Logger } from 'pino';
import type { Account, DeviceRecord } from './accounts.js';
import { AppStateStore } from './app-state.js';
import { newAppStateKey, provisionDevice, seedAppStateKey, type AppStateKey } from './auth.js';
import { BaileysContact, type SimContact } from './contacts.js';
import { injectFault, type Fault } from './faults.js';
import { Groups } from './groups.js';
import { registerBasicIqs } from './iq-basic.js';
import { MediaServer } from './media.js';
import { completePairing, parseQr } from './pairing.js';
import { Router } from './routing.js';
import { SandboxServer, unixNow } from './server.js';

export type { SimContact, ReceivedMessage, ReceiptEvent, PresenceEvent } from './contacts.js';
export type { Fault } from './faults.js';
export { memoryKeyStore } from './auth.js';

export interface SandboxOptions {
	host?: string;
	port?: number;
	logger?: Logger;
}

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

	private constructor(
		readonly server: SandboxServer,
		readonly media: MediaServer,
		readonly logger: Logger,
	) {
		registerBasicIqs(server);
		media.register(server);
		this.router = new Router(server);
		this.groups = new Groups(server, this.router);
		this.appState = new AppStateStore(server);
		server.hooks.onDeviceAdded = device => this.announceDevices(device, 'add');
		server.hooks.onDeviceRemoved = device => this.announceDevices(device, 'remove');
	}

	static async start(options: SandboxOptions = {}): Promise<WhatsAppSandbox> {
		const host = options.host ?? '127.0.0.1';
		const logger = options.logger ?? pino({ level: 'silent' });
		const server = new SandboxServer(logger.child({ sandbox: 'ws' }));
		const media = new MediaServer(logger.child({ sandbox: 'media' }), host);
		await server.listen(host, options.port ?? 0);
		await media.listen(0);
		return new WhatsAppSandbox(server, media, logger);
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
		const { state } = provisionDevice(this.server.registry, account, 0, creds);
		await seedAppStateKey(state, this.appStateKey(account));
		const contact = new BaileysContact(account, state, {
			wsUrl: this.wsUrl,
			logger: this.logger.child({ sandbox: 'contact' }),
			socketConfig: () => this.socketConfig() as Record<string, unknown>,
			downloadOptions: () => this.mediaDownloadOptions(),
		});
		this.contacts.set(account.phone, contact);
		this.installTrust();
		await contact.connect();
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
		return { state, jid: state.creds.me!.id, lid: state.creds.me!.lid! };
	}

	contact(phoneOrJid: string): SimContact | undefined {
		const r = this.server.registry.resolve(phoneOrJid);
		return r ? this.contacts.get(r.account.phone) : undefined;
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
		return {
			phone: phone.account.phone,
			jid: `${phone.account.phone}:${device.id}@s.whatsapp.net`,
			lid: `${phone.account.lid}:${device.id}@lid`,
		};
	}

	injectFault(target: string, fault: Fault): void {
		injectFault(this.server, target, fault);
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

	async stop(): Promise<void> {
		await Promise.all([...this.contacts.values()].map(c => c.stop()));
		await this.server.close();
		await this.media.close();
	}
}

import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { decodeBinaryNode, encodeBinaryNode, getBinaryNodeChild, S_WHATSAPP_NET, type BinaryNode } from '@whiskeysockets/baileys';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { AccountRegistry, type DeviceLink, type DeviceRecord } from './accounts.js';
import { NoiseCertAuthority, NoiseResponder, randomId } from './noise.js';

/**
 * Baileys' Curve.verify swallows libsignal's boolean result (rc14), so the sandbox checks signatures with libsignal
 * directly; libsignal is Baileys' own dependency.
 */
const libsignalCurve = createRequire(import.meta.url)('libsignal/src/curve.js') as {
	verifySignature(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean;
};
export const strictVerify = (pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean => {
	try {
		const key = pub.length === 33 ? pub : Buffer.concat([Buffer.from([5]), pub]);
		return libsignalCurve.verifySignature(key, msg, sig) === true;
	} catch {
		return false;
	}
};

export class IqError extends Error {
	constructor(
		readonly code: number,
		text: string,
	) {
		super(text);
	}
}

export type IqHandler = (conn: Connection, iq: BinaryNode) => Promise<BinaryNode[] | BinaryNode | void> | BinaryNode[] | BinaryNode | void;
export type StanzaHandler = (conn: Connection, node: BinaryNode) => void | Promise<void>;

export const unixNow = (): number => Math.floor(Date.now() / 1000);
export const children = (node: BinaryNode | undefined): BinaryNode[] => (Array.isArray(node?.content) ? (node.content as BinaryNode[]) : []);

/** Hooks the pairing/login flow calls into; implemented by the public sandbox. */
export interface LoginHooks {
	/** A companion registered a fresh identity and is waiting to be scanned. */
	onPairingPending?(conn: Connection): void;
	onLogin?(device: DeviceRecord, conn: Connection): void;
	onDeviceAdded?(device: DeviceRecord): void;
	onDeviceRemoved?(device: DeviceRecord): void;
	/** The world changed (a device logged in, uploaded keys, got a stanza queued, ...): time to save it. */
	onChange?(): void;
}

export class Connection implements DeviceLink {
	readonly noise: NoiseResponder;
	private stage: 'hello' | 'finish' | 'open' | 'closed' = 'hello';
	device?: DeviceRecord;
	/** Set while an unpaired companion waits for a QR scan. */
	registration?: {
		registrationId: number;
		identityPub: Buffer;
		signedPreKey: { id: number; pub: Buffer; sig: Buffer };
		platform: string;
		refs: string[];
	};
	silencedUntil = 0;
	private readonly pendingIqs = new Map<string, (node: BinaryNode) => void>();
	private iqSeq = 0;
	readonly log: Logger;

	constructor(
		readonly server: SandboxServer,
		private readonly ws: WebSocket,
	) {
		this.noise = new NoiseResponder(server.ca);
		this.log = server.logger.child({ conn: randomId(3) });
		ws.on('message', (data: Buffer) => void this.onData(data));
		ws.on('close', () => this.onClose());
		ws.on('error', err => this.log.debug({ err }, 'ws error'));
	}

	get open(): boolean {
		return this.stage === 'open' && !!this.device;
	}

	get silenced(): boolean {
		return Date.now() < this.silencedUntil;
	}

	send(node: BinaryNode): void {
		if (this.stage === 'closed' || this.silenced) return;
		this.log.trace({ tag: node.tag, attrs: node.attrs }, 'send');
		this.ws.send(this.noise.frame(Buffer.from(encodeBinaryNode(node))));
	}

	/** Sends a server-originated IQ and resolves with the client's answer. */
	query(node: BinaryNode, timeoutMs = 10_000): Promise<BinaryNode> {
		const id = node.attrs.id ?? `sim-${++this.iqSeq}`;
		node.attrs.id = id;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.pendingIqs.delete(id);
				reject(new Error(`iq ${id} timed out`));
			}, timeoutMs);
			timer.unref();
			this.pendingIqs.set(id, n => {
				clearTimeout(timer);
				resolve(n);
			});
			this.send(node);
		});
	}

	streamError(code: number, child?: BinaryNode): void {
		this.send({ tag: 'stream:error', attrs: { code: String(code) }, ...(child ? { content: [child] } : {}) });
		this.close();
	}

	/** Closes after the last frame has been flushed. */
	close(): void {
		if (this.stage === 'closed') return;
		this.ws.close();
		this.onClose();
	}

	/** Abrupt close: no close frame, like a dropped TCP connection. */
	drop(): void {
		this.ws.terminate();
		this.onClose();
	}

	private onClose(): void {
		if (this.stage === 'closed') return;
		this.stage = 'closed';
		this.server.connections.delete(this);
		for (const waiter of this.pendingIqs.values()) waiter({ tag: 'iq', attrs: { type: 'error' }, content: [{ tag: 'error', attrs: { code: '503', text: 'connection-closed' } }] });
		this.pendingIqs.clear();
		if (this.device?.link === this) {
			delete this.device.link;
			this.server.onDeviceOffline(this.device);
		}
		this.server.changed();
	}

	private async onData(data: Buffer): Promise<void> {
		if (this.stage === 'closed') return;
		if (this.silenced) return;
		let frames: Buffer[];
		try {
			frames = this.noise.push(Buffer.from(data));
		} catch (err) {
			this.log.warn({ err }, 'bad frame, closing');
			return this.drop();
		}
		for (const frame of frames) {
			try {
				if (this.stage === 'hello') {
					this.ws.send(this.noise.respondHello(frame));
					this.stage = 'finish';
				} else if (this.stage === 'finish') {
					const payload = this.noise.finish(frame);
					this.stage = 'open';
					await this.server.login(this, payload);
				} else if (this.stage === 'open') {
					const node = await decodeBinaryNode(frame);
					this.log.trace({ tag: node.tag, attrs: node.attrs }, 'recv');
					await this.dispatch(node);
				}
			} catch (err) {
				this.log.warn({ err }, 'failed to handle frame');
				if (this.stage !== 'open') this.drop();
			}
			this.server.changed();
		}
	}

	private async dispatch(node: BinaryNode): Promise<void> {
		if (node.tag === 'iq' && (node.attrs.type === 'result' || node.attrs.type === 'error')) {
			const waiter = this.pendingIqs.get(node.attrs.id ?? '');
			if (waiter) {
				this.pendingIqs.delete(node.attrs.id!);
				waiter(node);
			}
			return;
		}
		if (node.tag === 'iq') return this.server.routeIq(this, node);
		const handler = this.server.stanzaHandlers.get(node.tag);
		if (handler && this.device) await handler(this, node);
		else this.log.debug({ tag: node.tag }, 'unhandled stanza');
	}

	nextId(): string {
		return `${randomId(4)}${++this.iqSeq}`;
	}
}

export class SandboxServer {
	readonly ca = new NoiseCertAuthority();
	readonly registry = new AccountRegistry();
	readonly connections = new Set<Connection>();
	readonly stanzaHandlers = new Map<string, StanzaHandler>();
	private readonly iqHandlers = new Map<string, IqHandler>();
	private readonly iqRoutes: Array<{ key: string; when: (iq: BinaryNode) => boolean; handler: IqHandler }> = [];
	/** Per-device injected IQ failures (faults.ts). */
	readonly iqFaults: Array<{ device: DeviceRecord; xmlns: string; code: number; times: number }> = [];
	readonly hooks: LoginHooks = {};
	private http?: HttpServer;
	private wss?: WebSocketServer;
	host = '127.0.0.1';
	port = 0;

	constructor(readonly logger: Logger) {}

	async listen(host: string, port: number): Promise<void> {
		this.http = createServer((_req, res) => res.writeHead(426).end());
		this.wss = new WebSocketServer({ server: this.http, path: '/ws/chat' });
		this.wss.on('connection', ws => this.connections.add(new Connection(this, ws)));
		await new Promise<void>((resolve, reject) => {
			this.http!.once('error', reject);
			this.http!.listen(port, host, () => resolve());
		});
		this.host = host;
		this.port = (this.http.address() as AddressInfo).port;
	}

	async close(): Promise<void> {
		for (const conn of [...this.connections]) conn.drop();
		await new Promise<void>(resolve => this.wss?.close(() => resolve()) ?? resolve());
		await new Promise<void>(resolve => (this.http ? this.http.close(() => resolve()) : resolve()));
	}

	/**
	 * Registers an IQ handler. `key` is the xmlns, or `xmlns/childTag` when one namespace carries several
	 * unrelated requests (encrypt, md, ...); the more specific key wins.
	 */
	onIq(key: string, handler: IqHandler): void {
		this.iqHandlers.set(key, handler);
	}

	/**
	 * Registers a handler for the IQs of `key` that `when` accepts, asked before the plain handler of that key: one
	 * namespace can serve different targets (w:profile:picture for a user or for a group) from different modules.
	 */
	onIqWhen(key: string, when: (iq: BinaryNode) => boolean, handler: IqHandler): void {
		this.iqRoutes.push({ key, when, handler });
	}

	onStanza(tag: string, handler: StanzaHandler): void {
		this.stanzaHandlers.set(tag, handler);
	}

	async routeIq(conn: Connection, iq: BinaryNode): Promise<void> {
		const xmlns = iq.attrs.xmlns ?? '';
		const child = children(iq)[0];
		const reply = (content?: BinaryNode[] | BinaryNode, type = 'result'): void =>
			conn.send({
				tag: 'iq',
				attrs: { id: iq.attrs.id ?? '', type, from: iq.attrs.to ?? S_WHATSAPP_NET },
				...(content ? { content: Array.isArray(content) ? content : [content] } : {}),
			});
		const fail = (code: number, text: string): void =>
			reply({ tag: 'error', attrs: { code: String(code), text } }, 'error');
		const fault = conn.device && this.iqFaults.find(f => f.device === conn.device && f.xmlns === xmlns && f.times > 0);
		if (fault) {
			fault.times--;
			return fail(fault.code, 'injected-fault');
		}
		const routed = this.iqRoutes.find(r => (r.key === xmlns || r.key === `${xmlns}/${child?.tag}`) && r.when(iq));
		const handler = routed?.handler ?? this.iqHandlers.get(`${xmlns}/${child?.tag}`) ?? this.iqHandlers.get(xmlns);
		if (!handler || (!conn.device && xmlns !== 'w:p')) {
			conn.log.debug({ xmlns, child: child?.tag, attrs: iq.attrs }, 'unhandled iq');
			return fail(501, 'feature-not-implemented');
		}
		try {
			const out = await handler(conn, iq);
			reply(out ?? undefined);
		} catch (err) {
			if (err instanceof IqError) return fail(err.code, err.message);
			conn.log.warn({ err, xmlns }, 'iq handler failed');
			fail(500, 'internal-server-error');
		}
	}

	/** Delivers to a device now, or queues for its next login. */
	deliver(device: DeviceRecord, node: BinaryNode): void {
		if (device.link?.open) device.link.send(node);
		else {
			device.queue.push({ ...node, attrs: { ...node.attrs, offline: '1' } });
			this.changed();
		}
	}

	/** Tells the owner that the world changed (it saves it shortly after). */
	changed(): void {
		this.hooks.onChange?.();
	}

	/** Sends a notification to every device of the given records that is online (or queues it). */
	notify(devices: Iterable<DeviceRecord>, build: (d: DeviceRecord) => BinaryNode): void {
		for (const d of devices) this.deliver(d, build(d));
	}

	onDeviceOffline(device: DeviceRecord): void {
		const account = device.account;
		if (![...account.devices.values()].some(d => d.link?.open)) {
			account.online = false;
			account.lastSeen = unixNow();
		}
		this.logger.debug({ phone: account.phone, device: device.id }, 'device offline');
	}

	async login(conn: Connection, payload: import('@whiskeysockets/baileys').proto.ClientPayload): Promise<void> {
		if (payload.devicePairingData) return this.startPairing(conn, payload);
		const phone = String(payload.username ?? '');
		const account = this.registry.byPhoneNumber(phone);
		const device = account?.devices.get(payload.device ?? 0);
		if (!device || (device.noisePub && conn.noise.clientStatic && !device.noisePub.equals(conn.noise.clientStatic))) {
			conn.log.debug({ phone, device: payload.device }, 'login refused: unknown or removed device');
			conn.send({ tag: 'failure', attrs: { reason: '401', location: 'sandbox' } });
			conn.close();
			return;
		}
		device.noisePub ??= conn.noise.clientStatic;
		if (device.link && device.link !== conn && device.link instanceof Connection) {
			// A second login for the same device replaces the first, as on WhatsApp (close code 440).
			device.link.streamError(440, { tag: 'conflict', attrs: { type: 'replaced' } });
		}
		conn.device = device;
		device.link = conn;
		if (payload.pushName && device.id === 0) device.account.name = payload.pushName;
		conn.send({
			tag: 'success',
			attrs: {
				t: String(unixNow()),
				props: '1',
				abprops: '1',
				location: 'sandbox',
				creation: String(unixNow()),
				lid: `${device.account.lid}:${device.id}@lid`,
			},
		});
		const queued = device.queue.splice(0);
		for (const node of queued) conn.send(node);
		conn.send({ tag: 'ib', attrs: {}, content: [{ tag: 'offline', attrs: { count: String(queued.length) } }] });
		conn.log.debug({ phone, device: device.id, offline: queued.length }, 'logged in');
		this.hooks.onLogin?.(device, conn);
	}

	private startPairing(conn: Connection, payload: import('@whiskeysockets/baileys').proto.ClientPayload): void {
		const pd = payload.devicePairingData!;
		const num = (b?: Uint8Array | null): number => [...(b ?? [])].reduce((n, x) => n * 256 + x, 0);
		conn.registration = {
			registrationId: num(pd.eRegid),
			identityPub: Buffer.from(pd.eIdent ?? []),
			signedPreKey: { id: num(pd.eSkeyId), pub: Buffer.from(pd.eSkeyVal ?? []), sig: Buffer.from(pd.eSkeySig ?? []) },
			platform: 'web',
			refs: Array.from({ length: 6 }, () => `2@${randomId(16)}`),
		};
		conn.send({
			tag: 'iq',
			attrs: { id: conn.nextId(), type: 'set', xmlns: 'md', from: S_WHATSAPP_NET, to: S_WHATSAPP_NET },
			content: [
				{
					tag: 'pair-device',
					attrs: {},
					content: conn.registration.refs.map(ref => ({ tag: 'ref', attrs: {}, content: Buffer.from(ref) })),
				},
			],
		});
		this.hooks.onPairingPending?.(conn);
	}

	/** The unpaired connection whose noise key a QR code carries. */
	pendingByNoiseKey(noiseB64: string): Connection | undefined {
		for (const c of this.connections) {
			if (c.registration && c.noise.clientStatic?.toString('base64') === noiseB64) return c;
		}
		return undefined;
	}

	devicesOf(jidOrPhone: string): DeviceRecord[] {
		const r = this.registry.resolve(jidOrPhone);
		if (!r) return [];
		return r.device ? [r.device] : [...r.account.devices.values()];
	}
}

export { getBinaryNodeChild };

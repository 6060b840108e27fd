import { createHash, randomBytes } from 'node:crypto';
import {
	aesEncryptGCM,
	Browsers,
	DisconnectReason,
	downloadMediaMessage,
	getContentType,
	hmacSign,
	isJidGroup,
	isJidStatusBroadcast,
	jidNormalizedUser,
	makeWASocket,
	normalizeMessageContent,
	proto,
	type AuthenticationState,
	type WAMessage,
	type WAMessageKey,
	type WASocket,
} from '@whiskeysockets/baileys';
import type { Logger } from 'pino';
import { lidJid, pnJid, type Account } from './accounts.js';

export interface ReceivedMessage {
	id: string;
	chat: string;
	from: string;
	fromPhone?: string;
	fromLid?: string;
	fromMe: boolean;
	timestamp: number;
	type: string;
	text?: string;
	caption?: string;
	media?: { mimetype: string; data: Buffer; fileName?: string };
	reaction?: { emoji: string; targetId: string };
	quotedId?: string;
	edit?: { targetId: string; text?: string };
	revokedId?: string;
	key: WAMessageKey;
	raw: proto.IWebMessageInfo;
}

export interface ReceiptEvent {
	id: string;
	chat: string;
	status: number;
	participant?: string;
}

export interface PresenceEvent {
	chat: string;
	participant: string;
	presence: string;
}

export interface SimContact {
	readonly phone: string;
	readonly jid: string;
	readonly lid: string;
	readonly name: string;
	sendText(to: string, text: string, options?: { quoted?: ReceivedMessage }): Promise<{ id: string }>;
	sendImage(to: string, data: Buffer, options?: { caption?: string; mimetype?: string }): Promise<{ id: string }>;
	sendDocument(to: string, data: Buffer, options: { fileName: string; mimetype: string }): Promise<{ id: string }>;
	react(to: string, messageKey: { id: string; remoteJid: string; fromMe?: boolean; participant?: string }, emoji: string): Promise<void>;
	markRead(messages: ReceivedMessage[]): Promise<void>;
	/** Votes on a poll the contact received, picking these options by name (none = take the vote back); RangeError for a message that is no poll or an option it lacks. */
	votePoll(poll: ReceivedMessage, options: string[]): Promise<{ id: string }>;
	sendPresence(state: 'available' | 'unavailable' | 'composing' | 'recording' | 'paused', to?: string): Promise<void>;
	createGroup(subject: string, participants: string[]): Promise<{ id: string }>;
	/** Sets the contact's about text, as its phone would. */
	setAbout(text: string): Promise<void>;
	/** Sets the contact's profile picture: any image Baileys can read, cropped and scaled to 640×640 JPEG. */
	setProfilePicture(image: Buffer): Promise<void>;
	received(): ReceivedMessage[];
	waitForMessage(predicate: (m: ReceivedMessage) => boolean, timeoutMs?: number): Promise<ReceivedMessage>;
	receipts(): ReceiptEvent[];
	presences(): PresenceEvent[];
	/** The underlying Baileys socket, for anything the helpers above do not cover. */
	readonly socket: WASocket;
}

export interface ContactEnv {
	wsUrl: string;
	logger: Logger;
	socketConfig: () => Record<string, unknown>;
	downloadOptions: () => object;
	/** Runs when the contact's credentials change (the sandbox saves its world then). */
	onChange?: () => void;
}

/**
 * Ends a Baileys socket and settles its in-flight queries. Baileys' end() drops the websocket's 'close' listeners
 * before closing it, so a query still waiting for its answer would only give up after its own timeout (a live
 * timer that keeps the process up); an 'error' on the closed websocket makes those waiters reject at once.
 */
export const endSocket = async (socket: WASocket | undefined): Promise<void> => {
	if (!socket) return;
	await socket.end(undefined);
	const ws = socket.ws as unknown as { listenerCount(e: string): number; emit(e: string, err: Error): boolean };
	if (ws.listenerCount('error') > 0) ws.emit('error', Object.assign(new Error('Connection Closed'), { output: { statusCode: DisconnectReason.connectionClosed } }));
};

const toJid = (to: string): string => (to.includes('@') ? to : pnJid(to.replace(/[^0-9]/g, '')));

/**
 * A WhatsApp user living in the sandbox, implemented as a real Baileys socket on pre-provisioned creds, so the
 * server never needs Signal to speak for it.
 */
export class BaileysContact implements SimContact {
	readonly phone: string;
	readonly jid: string;
	readonly lid: string;
	socket!: WASocket;
	private readonly inbox: ReceivedMessage[] = [];
	private readonly receiptLog: ReceiptEvent[] = [];
	private readonly presenceLog: PresenceEvent[] = [];
	private readonly waiters = new Set<() => void>();
	private readonly sent = new Map<string, proto.IMessage>();
	private stopped = false;
	private pending: Promise<void> = Promise.resolve();
	private openWaiters: Array<() => void> = [];
	isOpen = false;

	constructor(
		readonly account: Account,
		/** The contact's own Baileys credentials and Signal keys (persisted with the world). */
		readonly state: AuthenticationState,
		private readonly env: ContactEnv,
	) {
		this.phone = account.phone;
		this.jid = pnJid(account.phone);
		this.lid = lidJid(account.lid);
	}

	get name(): string {
		return this.account.name;
	}

	connect(): Promise<void> {
		const opened = new Promise<void>(resolve => this.openWaiters.push(resolve));
		const sock = makeWASocket({
			...this.env.socketConfig(),
			auth: this.state,
			logger: this.env.logger.child({ contact: this.phone }) as never,
			browser: Browsers.ubuntu('Sandbox'),
			markOnlineOnConnect: true,
			getMessage: async key => this.sent.get(key.id ?? ''),
		});
		this.socket = sock;
		sock.ev.on('creds.update', update => {
			Object.assign(this.state.creds, update);
			this.env.onChange?.();
		});
		sock.ev.on('connection.update', ({ connection, lastDisconnect }) => {
			if (connection === 'open') {
				this.isOpen = true;
				for (const w of this.openWaiters.splice(0)) w();
			}
			if (connection === 'close') {
				this.isOpen = false;
				const code = (lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;
				if (!this.stopped && code !== DisconnectReason.loggedOut) {
					this.env.logger.debug({ phone: this.phone, code }, 'contact reconnecting');
					setTimeout(() => !this.stopped && void this.connect(), 50).unref();
				}
			}
		});
		sock.ev.on('messages.upsert', ({ messages }) => {
			for (const m of messages) this.pending = this.pending.then(() => this.ingest(m)).catch(() => undefined);
		});
		sock.ev.on('messages.update', updates => {
			for (const u of updates) {
				if (typeof u.update.status === 'number') {
					this.receiptLog.push({ id: u.key.id ?? '', chat: u.key.remoteJid ?? '', status: u.update.status });
					this.wake();
				}
			}
		});
		sock.ev.on('message-receipt.update', updates => {
			for (const u of updates) {
				const status = u.receipt.readTimestamp ? 4 : u.receipt.receiptTimestamp ? 3 : 0;
				this.receiptLog.push({ id: u.key.id ?? '', chat: u.key.remoteJid ?? '', status, ...(u.receipt.userJid ? { participant: u.receipt.userJid } : {}) });
				this.wake();
			}
		});
		sock.ev.on('presence.update', ({ id, presences }) => {
			for (const [participant, p] of Object.entries(presences)) {
				this.presenceLog.push({ chat: id, participant, presence: p.lastKnownPresence });
			}
			this.wake();
		});
		return opened;
	}

	private wake(): void {
		for (const w of [...this.waiters]) w();
	}

	private async ingest(m: WAMessage): Promise<void> {
		const content = normalizeMessageContent(m.message);
		if (!content || m.key.fromMe) return;
		const type = getContentType(content) ?? 'unknown';
		if (type === 'protocolMessage' && content.protocolMessage?.type !== proto.Message.ProtocolMessage.Type.REVOKE && !content.protocolMessage?.editedMessage) return;
		if (type === 'senderKeyDistributionMessage' || type === 'messageContextInfo') return;
		const group = isJidGroup(m.key.remoteJid ?? '');
		// A status comes from status@broadcast with its author as participant, like a group message.
		const author = (group || isJidStatusBroadcast(m.key.remoteJid ?? '') ? m.key.participant : m.key.remoteJid) ?? '';
		const alt = (group ? m.key.participantAlt : m.key.remoteJidAlt) || undefined;
		const pnOf = (j?: string): string | undefined => (j?.endsWith('@s.whatsapp.net') ? jidNormalizedUser(j) : undefined);
		const lidOf = (j?: string): string | undefined => (j?.endsWith('@lid') ? jidNormalizedUser(j) : undefined);
		const fromPn = pnOf(author) ?? pnOf(alt);
		const fromLid = lidOf(author) ?? lidOf(alt);
		const out: ReceivedMessage = {
			id: m.key.id ?? '',
			chat: m.key.remoteJid ?? '',
			from: jidNormalizedUser(author),
			...(fromPn ? { fromPhone: fromPn.split('@')[0]! } : {}),
			...(fromLid ? { fromLid } : {}),
			fromMe: !!m.key.fromMe,
			timestamp: Number(m.messageTimestamp ?? 0),
			type,
			key: m.key,
			raw: m,
		};
		const ctx = (content as Record<string, { contextInfo?: proto.IContextInfo } | undefined>)[type]?.contextInfo;
		if (ctx?.stanzaId) out.quotedId = ctx.stanzaId;
		if (content.conversation) out.text = content.conversation;
		if (content.extendedTextMessage?.text) out.text = content.extendedTextMessage.text;
		if (content.reactionMessage) {
			out.reaction = { emoji: content.reactionMessage.text ?? '', targetId: content.reactionMessage.key?.id ?? '' };
		}
		const pm = content.protocolMessage;
		if (pm?.type === proto.Message.ProtocolMessage.Type.REVOKE) out.revokedId = pm.key?.id ?? '';
		if (pm?.editedMessage) {
			const edited = normalizeMessageContent(pm.editedMessage);
			out.edit = { targetId: pm.key?.id ?? '', ...(edited?.conversation || edited?.extendedTextMessage?.text ? { text: (edited.conversation || edited.extendedTextMessage?.text)! } : {}) };
		}
		const media = content.imageMessage ?? content.documentMessage ?? content.videoMessage ?? content.audioMessage ?? content.stickerMessage;
		if (media) {
			const caption = (media as { caption?: string | null }).caption;
			if (caption) out.caption = caption;
			try {
				const data = (await downloadMediaMessage(m, 'buffer', this.env.downloadOptions())) as Buffer;
				const fileName = (media as { fileName?: string | null }).fileName;
				out.media = { mimetype: media.mimetype ?? 'application/octet-stream', data, ...(fileName ? { fileName } : {}) };
			} catch (err) {
				this.env.logger.warn({ err, id: out.id }, 'contact could not download media');
			}
		}
		this.inbox.push(out);
		this.wake();
	}

	private async send(to: string, content: Parameters<WASocket['sendMessage']>[1], options?: Parameters<WASocket['sendMessage']>[2]): Promise<{ id: string }> {
		await this.ready();
		const msg = await this.socket.sendMessage(toJid(to), content, options);
		const id = msg?.key.id ?? '';
		if (msg?.message) this.sent.set(id, msg.message);
		return { id };
	}

	/** Resolves once the socket is open (reconnects happen on their own). */
	ready(timeoutMs = 15_000): Promise<void> {
		if (this.isOpen) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const t = setTimeout(() => reject(new Error(`contact ${this.phone} did not connect`)), timeoutMs);
			this.openWaiters.push(() => {
				clearTimeout(t);
				resolve();
			});
		});
	}

	sendText(to: string, text: string, options?: { quoted?: ReceivedMessage }): Promise<{ id: string }> {
		return this.send(to, { text }, options?.quoted ? { quoted: options.quoted.raw as WAMessage } : undefined);
	}

	sendImage(to: string, data: Buffer, options?: { caption?: string; mimetype?: string }): Promise<{ id: string }> {
		return this.send(to, { image: data, mimetype: options?.mimetype ?? 'image/png', ...(options?.caption ? { caption: options.caption } : {}) });
	}

	sendDocument(to: string, data: Buffer, options: { fileName: string; mimetype: string }): Promise<{ id: string }> {
		return this.send(to, { document: data, fileName: options.fileName, mimetype: options.mimetype });
	}

	async react(to: string, key: { id: string; remoteJid: string; fromMe?: boolean; participant?: string }, emoji: string): Promise<void> {
		await this.send(to, { react: { text: emoji, key: { ...key, fromMe: key.fromMe ?? false } } });
	}

	async markRead(messages: ReceivedMessage[]): Promise<void> {
		await this.ready();
		await this.socket.readMessages(messages.map(m => m.key));
	}

	/**
	 * A poll vote as WhatsApp clients send it: the chosen options' SHA-256 hashes, AES-GCM encrypted with a key
	 * derived from the poll's secret, the poll id, and the creator's and voter's JIDs (in the chat's addressing).
	 */
	async votePoll(poll: ReceivedMessage, options: string[]): Promise<{ id: string }> {
		await this.ready();
		const content = normalizeMessageContent(poll.raw.message);
		const creation = content?.pollCreationMessage ?? content?.pollCreationMessageV2 ?? content?.pollCreationMessageV3;
		const secret = poll.raw.message?.messageContextInfo?.messageSecret;
		if (!creation || !secret) throw new RangeError(`message ${poll.id} is not a poll`);
		const names = (creation.options ?? []).map(o => o.optionName ?? '');
		const unknown = options.filter(o => !names.includes(o));
		if (unknown.length) throw new RangeError(`the poll has no option ${unknown.join(', ')}`);
		const group = isJidGroup(poll.chat);
		const creator = jidNormalizedUser((group ? poll.key.participant : poll.chat) ?? '');
		const voter = creator.endsWith('@lid') ? this.lid : this.jid;
		const plain = proto.Message.PollVoteMessage.encode({ selectedOptions: options.map(o => createHash('sha256').update(o).digest()) }).finish();
		const sign = Buffer.concat([Buffer.from(poll.id), Buffer.from(creator), Buffer.from(voter), Buffer.from('Poll Vote'), Buffer.from([1])]);
		const key = hmacSign(sign, hmacSign(secret, new Uint8Array(32), 'sha256'), 'sha256');
		const encIv = randomBytes(12);
		const encPayload = aesEncryptGCM(plain, key, encIv, Buffer.from(`${poll.id}\u0000${voter}`));
		const id = await this.socket.relayMessage(
			poll.chat,
			{
				pollUpdateMessage: {
					pollCreationMessageKey: { remoteJid: poll.chat, fromMe: false, id: poll.id, ...(group && poll.key.participant ? { participant: poll.key.participant } : {}) },
					vote: { encPayload, encIv },
					senderTimestampMs: Date.now(),
				},
			},
			{},
		);
		return { id };
	}

	async sendPresence(state: 'available' | 'unavailable' | 'composing' | 'recording' | 'paused', to?: string): Promise<void> {
		await this.ready();
		await this.socket.sendPresenceUpdate(state, to ? toJid(to) : undefined);
	}

	async createGroup(subject: string, participants: string[]): Promise<{ id: string }> {
		await this.ready();
		const meta = await this.socket.groupCreate(subject, participants.map(toJid));
		return { id: meta.id };
	}

	async setAbout(text: string): Promise<void> {
		await this.ready();
		await this.socket.updateProfileStatus(text);
	}

	async setProfilePicture(image: Buffer): Promise<void> {
		await this.ready();
		await this.socket.updateProfilePicture(this.jid, image);
	}

	received(): ReceivedMessage[] {
		return [...this.inbox];
	}

	receipts(): ReceiptEvent[] {
		return [...this.receiptLog];
	}

	presences(): PresenceEvent[] {
		return [...this.presenceLog];
	}

	waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
		const hit = check();
		if (hit !== undefined) return Promise.resolve(hit);
		return new Promise((resolve, reject) => {
			const done = (): void => {
				const v = check();
				if (v === undefined) return;
				clearTimeout(timer);
				this.waiters.delete(done);
				resolve(v);
			};
			const timer = setTimeout(() => {
				this.waiters.delete(done);
				reject(new Error(`${this.phone}: timed out waiting for ${what}`));
			}, timeoutMs);
			this.waiters.add(done);
		});
	}

	waitForMessage(predicate: (m: ReceivedMessage) => boolean, timeoutMs = 10_000): Promise<ReceivedMessage> {
		return this.waitFor(() => this.inbox.find(predicate), timeoutMs, 'a message');
	}

	async stop(): Promise<void> {
		this.stopped = true;
		for (const w of [...this.waiters]) this.waiters.delete(w);
		await endSocket(this.socket);
		await this.pending;
	}
}

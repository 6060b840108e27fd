import {
	downloadMediaMessage,
	generateWAMessageFromContent,
	getContentType,
	normalizeMessageContent,
	prepareWAMessageMedia,
	type AnyMessageContent,
	type AuthenticationCreds,
	type MiscMessageGenerationOptions,
	type WAMessage,
	type WAMessageKey,
	type WASocket,
} from '@whiskeysockets/baileys';
import type { Dispatcher } from 'undici';
import type { NewEvent } from '../events/types.js';
import { notFound, notSupported } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { messageEvent } from './baileys-events.js';
import { isRawMessage, toBaileysContent, toRawProto, type InteractiveHeaderMedia, type OutgoingMessage, type ResolvedGroupInvite } from './outgoing.js';
import type { RecentMessages } from './recent-messages.js';
import { appState, whatsapp } from './whatsapp-call.js';

/** Options every send accepts. */
export interface SendOptions {
	/** Id of a recent message of this chat to quote. */
	replyTo?: string;
	forwarded?: boolean;
	/** Disappearing-message timer for this message, seconds. */
	ephemeralSeconds?: number;
	/** Log this send as a `message.sent` event (API echo); default on. */
	echo?: boolean;
}

/** Who wrote a message the caller names by id, when the engine does not remember it. */
export interface MessageRef {
	fromMe?: boolean;
	/** Author in groups. */
	participant?: string;
}

export interface DownloadedMedia {
	data: Buffer;
	mimetype: string;
	fileName: string;
}

const MIME_EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'image/gif': 'gif',
	'video/mp4': 'mp4',
	'audio/ogg': 'ogg',
	'audio/mpeg': 'mp3',
	'audio/mp4': 'm4a',
	'application/pdf': 'pdf',
	'text/plain': 'txt',
};

/**
 * Everything a session does with messages: sends (regular content through `sendMessage`, interactive content as
 * hand-built protobuf through `relayMessage`), message actions, receipts, presence and media downloads.
 * Baileys' errors become HTTP errors here: WhatsApp refusing is a 502, a timeout a 504.
 */
export class MessageActions {
	/** Media downloads go through this when the session uses a proxy. */
	downloadDispatcher: Dispatcher | undefined;

	constructor(
		private readonly sessionId: string,
		private readonly socket: () => WASocket,
		private readonly recent: RecentMessages,
		private readonly logger: Logger,
		private readonly onEvent?: (event: NewEvent) => void,
	) {}

	async send(to: string, message: OutgoingMessage, options: SendOptions = {}): Promise<{ id: string; timestamp: number }> {
		const socket = this.socket();
		const quoted = options.replyTo ? this.require(options.replyTo, to) : undefined;
		const generation: MiscMessageGenerationOptions = {
			...(quoted && { quoted }),
			...(options.ephemeralSeconds && { ephemeralExpiration: options.ephemeralSeconds }),
		};
		const forwarding = options.forwarded ? { isForwarded: true, forwardingScore: 1 } : undefined;
		let sent: WAMessage | undefined;
		if (isRawMessage(message)) {
			const { content, additionalNodes } = await whatsapp(() =>
				toRawProto(message, (header) => this.prepareMedia(socket, header)),
			);
			const full = generateWAMessageFromContent(to, content, { userJid: socket.user!.id, ...generation });
			if (forwarding) {
				const type = getContentType(full.message ?? undefined);
				const inner = type && (full.message![type] as { contextInfo?: object } | undefined);
				if (inner && typeof inner === 'object') inner.contextInfo = { ...inner.contextInfo, ...forwarding };
			}
			await whatsapp(() => socket.relayMessage(to, full.message!, { messageId: full.key.id!, additionalNodes }));
			sent = full;
		} else {
			const invite = message.kind === 'groupInvite' ? await this.inviteOf(socket, message.groupJid) : undefined;
			const content = toBaileysContent(message, invite) as AnyMessageContent & { contextInfo?: object };
			if (forwarding) content.contextInfo = forwarding;
			// Baileys fetches the group's picture for the invite and fails the send when the group has none.
			const safePicture = invite && { getProfilePicUrl: (jid: string, type: 'image' | 'preview') => socket.profilePictureUrl(jid, type).catch(() => undefined) };
			sent = await whatsapp(() => socket.sendMessage(to, content, { ...generation, ...safePicture } as MiscMessageGenerationOptions));
		}
		if (!sent?.key.id) throw new Error('WhatsApp did not return a message id');
		this.recent.remember(sent);
		// Baileys reports own sends only as history ('append'); the echo is emitted here instead.
		if (options.echo !== false) {
			const echo = messageEvent(this.sessionId, sent, 'message.sent');
			this.onEvent?.({ ...echo, data: { ...echo.data, fromApi: true } });
		}
		return { id: sent.key.id, timestamp: Number(sent.messageTimestamp ?? Math.floor(Date.now() / 1000)) };
	}

	/** Deletes a message for everyone. Own messages any time WhatsApp allows; others' only as a group admin. */
	async revoke(chat: string, id: string, ref: MessageRef = {}): Promise<{ id: string; timestamp: number }> {
		const key = this.keyOf(chat, id, { fromMe: true, ...ref });
		return this.sendAction(chat, { delete: key });
	}

	/** Adds an emoji reaction; an empty emoji removes this account's reaction. */
	async react(chat: string, id: string, emoji: string, ref: MessageRef = {}): Promise<{ id: string; timestamp: number }> {
		const key = this.keyOf(chat, id, { fromMe: false, ...ref });
		return this.sendAction(chat, { react: { text: emoji, key } });
	}

	/** Replaces the text (or caption) of one of this account's messages. */
	async edit(chat: string, id: string, text: string): Promise<{ id: string; timestamp: number }> {
		const known = this.recent.find(id, chat);
		if (known && !known.key.fromMe) throw notSupported('Only messages this account sent can be edited.');
		const key = this.keyOf(chat, id, { fromMe: true });
		return this.sendAction(chat, { text, edit: key });
	}

	/** Deletes a message on this account's devices only; needs its timestamp, so the engine must remember it. */
	async deleteForMe(chat: string, id: string, deleteMedia: boolean): Promise<void> {
		const message = this.require(id, chat);
		const timestamp = Number(message.messageTimestamp ?? 0);
		await appState(() => this.socket().chatModify({ deleteForMe: { key: message.key, timestamp, deleteMedia } }, chat));
	}

	async star(chat: string, id: string, star: boolean, ref: MessageRef = {}): Promise<void> {
		const key = this.keyOf(chat, id, { fromMe: false, ...ref });
		await appState(() => this.socket().star(chat, [{ id: key.id!, fromMe: Boolean(key.fromMe) }], star));
	}

	/** Read ('read') or played ('played', voice notes and view-once media) receipts for messages of one chat. */
	async receipt(chat: string, ids: string[], type: 'read' | 'played', sender?: string): Promise<void> {
		const keys = ids.map((id) => {
			const known = this.recent.find(id, chat);
			// Receipts go to the address the message came from (PN or LID), as WhatsApp's clients do.
			if (known) return { remoteJid: known.key.remoteJid, id, fromMe: false, ...(known.key.participant && { participant: known.key.participant }) };
			return { remoteJid: chat, id, fromMe: false, ...(sender && { participant: sender }) };
		});
		const socket = this.socket();
		await whatsapp(() => socket.sendReceipts(keys, type));
	}

	async presence(type: 'available' | 'unavailable'): Promise<void> {
		const socket = this.socket();
		// Baileys silently drops the update when the account has no push name yet; say so instead.
		if (!socket.authState.creds.me?.name) {
			throw notSupported('WhatsApp has not told this session its profile name yet, and presence updates need it; try again shortly or set a profile name.');
		}
		await whatsapp(() => socket.sendPresenceUpdate(type));
	}

	/** Goes `unavailable` as soon as WhatsApp has told the session its profile name (presence updates need it). */
	async goUnavailable(): Promise<void> {
		const socket = this.socket();
		if (!socket.authState.creds.me?.name) {
			await new Promise<void>((resolve) => {
				const named = (update: Partial<AuthenticationCreds>) => {
					if (!update.me?.name) return;
					socket.ev.off('creds.update', named);
					resolve();
				};
				socket.ev.on('creds.update', named);
			});
		}
		await whatsapp(() => socket.sendPresenceUpdate('unavailable'));
	}

	/** Declines a ringing call; WhatsApp shows the caller a declined call. */
	async rejectCall(callId: string, caller: string): Promise<void> {
		const socket = this.socket();
		await whatsapp(() => socket.rejectCall(callId, caller));
	}

	async chatPresence(to: string, state: 'composing' | 'recording' | 'paused'): Promise<void> {
		const socket = this.socket();
		await whatsapp(() => socket.sendPresenceUpdate(state, to));
	}

	/** Downloads and decrypts the media of a remembered message (re-asking the sender when the file expired). */
	async downloadMedia(chat: string, id: string, options: object = {}): Promise<DownloadedMedia> {
		const message = this.require(id, chat);
		const content = normalizeMessageContent(message.message);
		const type = getContentType(content);
		const media =
			content?.imageMessage ?? content?.videoMessage ?? content?.audioMessage ?? content?.documentMessage ?? content?.stickerMessage ?? content?.ptvMessage;
		if (!media || !type) throw notSupported(`Message ${id} has no media (it is a ${type ?? 'unknown'} message).`);
		const socket = this.socket();
		const via = this.downloadDispatcher ? { ...options, options: { ...(options as { options?: object }).options, dispatcher: this.downloadDispatcher } } : options;
		const data = (await whatsapp(() =>
			downloadMediaMessage(message, 'buffer', via, { logger: this.logger as never, reuploadRequest: socket.updateMediaMessage }),
		)) as Buffer;
		const mimetype = media.mimetype?.split(';')[0]?.trim() || 'application/octet-stream';
		const given = (media as { fileName?: string | null }).fileName;
		const extension = MIME_EXTENSIONS[mimetype] ?? mimetype.split('/')[1]?.replace(/[^\w]/g, '') ?? 'bin';
		return { data, mimetype, fileName: given || `${id}.${extension}` };
	}

	private async sendAction(chat: string, content: AnyMessageContent): Promise<{ id: string; timestamp: number }> {
		const socket = this.socket();
		const sent = await whatsapp(() => socket.sendMessage(chat, content));
		if (!sent?.key.id) throw new Error('WhatsApp did not return a message id');
		return { id: sent.key.id, timestamp: Number(sent.messageTimestamp ?? Math.floor(Date.now() / 1000)) };
	}

	private async inviteOf(socket: WASocket, groupJid: string): Promise<ResolvedGroupInvite> {
		const [code, metadata] = await whatsapp(() => Promise.all([socket.groupInviteCode(groupJid), socket.groupMetadata(groupJid)]));
		if (!code) throw notSupported(`WhatsApp gave no invite code for ${groupJid}; only group admins can invite.`);
		return { code, subject: metadata.subject };
	}

	private async prepareMedia(socket: WASocket, header: InteractiveHeaderMedia) {
		const upload = header.media.data;
		const content =
			header.kind === 'image'
				? { image: upload, ...(header.media.mimetype && { mimetype: header.media.mimetype }) }
				: header.kind === 'video'
					? { video: upload, mimetype: header.media.mimetype ?? 'video/mp4' }
					: { document: upload, mimetype: header.media.mimetype ?? 'application/octet-stream', ...(header.media.fileName && { fileName: header.media.fileName }) };
		return prepareWAMessageMedia(content, { upload: socket.waUploadToServer, logger: this.logger as never });
	}

	/** A remembered message of `chat`, or 404. */
	private require(id: string, chat: string): WAMessage {
		const message = this.recent.find(id, chat);
		if (!message) {
			throw notFound('message_not_found', `Message ${id} is not among the recent messages of ${chat} this engine remembers.`);
		}
		return message;
	}

	/** The key of a message: the remembered one when known (author and direction from it), else built from `ref`. */
	private keyOf(chat: string, id: string, ref: MessageRef): WAMessageKey {
		const known = this.recent.find(id, chat);
		if (known) {
			return { remoteJid: chat, id, fromMe: Boolean(known.key.fromMe), ...(known.key.participant && { participant: known.key.participant }) };
		}
		return { remoteJid: chat, id, fromMe: Boolean(ref.fromMe), ...(ref.participant && { participant: ref.participant }) };
	}
}


import {
	getContentType,
	jidNormalizedUser,
	normalizeMessageContent,
	type WAMessage,
	type WAMessageKey,
	type WASocket,
	proto,
} from '@whiskeysockets/baileys';
import { createHash } from 'node:crypto';
import type { NewEvent, Party } from '../events/types.js';
import { lidOf, phoneOf } from '../lib/recipient.js';

export type EmitEvent = (event: NewEvent) => void;

/** Same occurrence, same id: Baileys may report a message or receipt more than once. */
const eventId = (...parts: Array<string | number | null | undefined>) =>
	`evt_${createHash('sha256').update(parts.map((p) => String(p ?? '')).join('\u0000')).digest('base64url').slice(0, 24)}`;

/** A party from a JID and its alternative (PN ↔ LID) address, whichever way round they came. */
export function toParty(jid: string | null | undefined, alt?: string | null, name?: string | null): Party | undefined {
	if (!jid) return undefined;
	const id = jidNormalizedUser(jid);
	const both = [id, alt ? jidNormalizedUser(alt) : undefined];
	const phone = both.map(phoneOf).find(Boolean);
	const lid = both.map(lidOf).find(Boolean);
	return { id, ...(phone && { phone }), ...(lid && { lid }), ...(name && { name }) };
}

const receiptStatus: Partial<Record<number, string>> = {
	[proto.WebMessageInfo.Status.SERVER_ACK]: 'server',
	[proto.WebMessageInfo.Status.DELIVERY_ACK]: 'delivered',
	[proto.WebMessageInfo.Status.READ]: 'read',
	[proto.WebMessageInfo.Status.PLAYED]: 'played',
	[proto.WebMessageInfo.Status.ERROR]: 'error',
};

const mediaTypes = ['imageMessage', 'videoMessage', 'audioMessage', 'documentMessage', 'stickerMessage', 'ptvMessage'] as const;

/** The public description of a message's content: kind, text, caption, media facts, reply and mentions. */
export function describeContent(message: proto.IMessage | null | undefined): Record<string, unknown> {
	const content = normalizeMessageContent(message);
	const kind = getContentType(content);
	if (!content || !kind) return { type: 'unknown' };
	const body = content[kind] as Record<string, unknown> & { contextInfo?: proto.IContextInfo | null };
	const out: Record<string, unknown> = { type: kind.replace(/Message$/, '') };
	if (kind === 'conversation') {
		out.type = 'text';
		out.text = content.conversation;
	} else if (kind === 'extendedTextMessage') {
		out.type = 'text';
		out.text = content.extendedTextMessage?.text;
	}
	if ((mediaTypes as readonly string[]).includes(kind)) {
		const media = body as proto.Message.IImageMessage & proto.Message.IDocumentMessage & proto.Message.IAudioMessage;
		out.caption = media.caption ?? undefined;
		out.media = {
			mimetype: media.mimetype ?? undefined,
			fileName: media.fileName ?? undefined,
			size: media.fileLength ? Number(media.fileLength) : undefined,
			...(media.seconds != null && { seconds: media.seconds }),
			...(kind === 'audioMessage' && { voiceNote: Boolean(media.ptt) }),
		};
	}
	if (kind === 'reactionMessage') {
		out.reaction = { emoji: content.reactionMessage?.text ?? '', targetId: content.reactionMessage?.key?.id };
	}
	const context = body?.contextInfo;
	if (context?.stanzaId) out.quotedId = context.stanzaId;
	if (context?.mentionedJid?.length) out.mentions = context.mentionedJid;
	return out;
}

export function messageEvent(sessionId: string, message: WAMessage, type: string): NewEvent {
	const key = message.key as WAMessageKey;
	const isGroup = key.remoteJid?.endsWith('@g.us');
	const chat = toParty(key.remoteJid, key.remoteJidAlt);
	const sender = key.fromMe ? undefined : isGroup ? toParty(key.participant, key.participantAlt, message.pushName) : toParty(key.remoteJid, key.remoteJidAlt, message.pushName);
	return {
		id: eventId(sessionId, type, key.remoteJid, key.id, key.participant),
		type,
		session: sessionId,
		timestamp: Number(message.messageTimestamp ?? 0) * 1000 || Date.now(),
		...(chat && { chat }),
		...(sender && { sender }),
		data: { id: key.id, fromMe: Boolean(key.fromMe), ...describeContent(message.message) },
	};
}

/**
 * Maps a socket's Baileys events onto the engine's public events. Returns the function that detaches it.
 */
export function forwardSocketEvents(socket: WASocket, sessionId: string, emit: EmitEvent): () => void {
	/**
	 * A message's status changed. For our own messages a read (or played) receipt implies delivery: when Baileys
	 * merged both into one status, the delivered event is still reported (same event id, so it is stored once).
	 */
	const emitStatus = (key: WAMessageKey, statusCode: number) => {
		const status = receiptStatus[statusCode];
		if (!status || status === 'server') return;
		const ladder = ['delivered', 'read', 'played'];
		const implied = key.fromMe && ladder.includes(status) ? ladder.slice(0, ladder.indexOf(status) + 1) : [status];
		const chat = toParty(key.remoteJid, key.remoteJidAlt);
		for (const each of implied) {
			emit({
				id: eventId(sessionId, 'message.receipt', key.remoteJid, key.id, each),
				type: 'message.receipt',
				session: sessionId,
				timestamp: Date.now(),
				...(chat && { chat }),
				data: { id: key.id, fromMe: Boolean(key.fromMe), status: each },
			});
		}
	};
	const onUpsert = ({ messages, type }: { messages: WAMessage[]; type: string }) => {
		for (const message of messages) {
			// Baileys buffers events for ~100 ms after upserting our own sent message ('append'); a receipt that
			// arrives meanwhile is folded into that upsert's status instead of coming as a messages.update.
			if (message.key.fromMe && typeof message.status === 'number' && message.status >= proto.WebMessageInfo.Status.DELIVERY_ACK) {
				emitStatus(message.key, message.status);
			}
		}
		// 'append' is history being filled in, not something happening now.
		if (type !== 'notify') return;
		for (const message of messages) {
			if (!message.message || message.key.remoteJid === 'status@broadcast') continue;
			if (getContentType(normalizeMessageContent(message.message)) === 'protocolMessage') continue;
			emit(messageEvent(sessionId, message, message.key.fromMe ? 'message.sent' : 'message.received'));
		}
	};
	const onUpdate = (updates: Array<{ key: WAMessageKey; update: Partial<WAMessage> }>) => {
		for (const { key, update } of updates) {
			if (update.status != null) emitStatus(key, update.status);
		}
	};
	const onReceipt = (updates: Array<{ key: WAMessageKey; receipt: proto.IUserReceipt }>) => {
		for (const { key, receipt } of updates) {
			const status = receipt.playedTimestamp ? 'played' : receipt.readTimestamp ? 'read' : receipt.receiptTimestamp ? 'delivered' : undefined;
			if (!status) continue;
			const chat = toParty(key.remoteJid, key.remoteJidAlt);
			const sender = toParty(receipt.userJid);
			emit({
				id: eventId(sessionId, 'message.receipt', key.remoteJid, key.id, receipt.userJid, status),
				type: 'message.receipt',
				session: sessionId,
				timestamp: Date.now(),
				...(chat && { chat }),
				...(sender && { sender }),
				data: { id: key.id, fromMe: Boolean(key.fromMe), status },
			});
		}
	};
	socket.ev.on('messages.upsert', onUpsert);
	socket.ev.on('messages.update', onUpdate);
	socket.ev.on('message-receipt.update', onReceipt);
	return () => {
		socket.ev.off('messages.upsert', onUpsert);
		socket.ev.off('messages.update', onUpdate);
		socket.ev.off('message-receipt.update', onReceipt);
	};
}

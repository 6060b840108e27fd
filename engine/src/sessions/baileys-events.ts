import {
	decryptPollVote,
	getAggregateVotesInPollMessage,
	getContentType,
	type BaileysEventMap,
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

/** The text of a message's content, when it has one (edits carry the new content this way). */
const textOf = (message: proto.IMessage | null | undefined): string | undefined => {
	const content = normalizeMessageContent(message);
	return content?.conversation ?? content?.extendedTextMessage?.text ?? content?.imageMessage?.caption ?? content?.videoMessage?.caption ?? content?.documentMessage?.caption ?? undefined;
};

/** The chat and the person acting, from a message key (in a group the participant, else the chat itself). */
const partiesOf = (key: WAMessageKey, pushName?: string | null) => {
	const chat = toParty(key.remoteJid, key.remoteJidAlt);
	const isGroup = key.remoteJid?.endsWith('@g.us');
	const sender = key.fromMe ? undefined : isGroup ? toParty(key.participant, key.participantAlt, pushName) : toParty(key.remoteJid, key.remoteJidAlt, pushName);
	return { ...(chat && { chat }), ...(sender && { sender }) };
};

const millis = (seconds: unknown) => Number(seconds ?? 0) * 1000 || Date.now();

/** A reaction (or its removal: empty emoji) to a message. */
export function reactionEvent(sessionId: string, message: WAMessage): NewEvent {
	const key = message.key as WAMessageKey;
	const reaction = normalizeMessageContent(message.message)?.reactionMessage;
	const emoji = reaction?.text ?? '';
	return {
		id: eventId(sessionId, 'message.reaction', key.remoteJid, key.id, key.participant),
		type: 'message.reaction',
		session: sessionId,
		timestamp: millis(message.messageTimestamp),
		...partiesOf(key, message.pushName),
		data: { id: key.id, fromMe: Boolean(key.fromMe), emoji, removed: emoji === '', targetId: reaction?.key?.id, targetFromMe: Boolean(reaction?.key?.fromMe) },
	};
}

/**
 * An edit (new content for `targetId`) or a revoke (`targetId` deleted for everyone). `key` is the chat and author
 * of the change. Baileys reports both as the protocol message in an upsert and again as a messages.update: the id
 * depends only on the occurrence, so whichever comes second is the same event.
 */
export function changeEvent(
	sessionId: string,
	type: 'message.updated' | 'message.revoked',
	key: WAMessageKey,
	targetId: string | null | undefined,
	timestampSeconds: unknown,
	edited?: proto.IMessage | null,
): NewEvent {
	const parties = partiesOf(key);
	const by = key.fromMe ? 'me' : parties.sender?.id;
	const content = type === 'message.updated' ? describeContent(edited) : undefined;
	const text = type === 'message.updated' ? textOf(edited) : undefined;
	return {
		id: eventId(sessionId, type, key.remoteJid, targetId, type === 'message.updated' ? JSON.stringify(content) : key.participant),
		type,
		session: sessionId,
		timestamp: millis(timestampSeconds),
		...parties,
		data: {
			targetId,
			fromMe: Boolean(key.fromMe),
			...(by && { by }),
			...(type === 'message.updated' && { ...(text !== undefined && { text }), content }),
		},
	};
}

/** Typing states of a chat (`chat.presence`) and a person's online state (`presence.update`). */
const chatStates = ['composing', 'recording'] as const;

/** What changed in a group's settings, in the engine's words (only the fields that came). */
const groupChanges = (update: Partial<BaileysEventMap['groups.update'][number]>) => {
	const out: Record<string, unknown> = {};
	if (update.subject !== undefined) out.subject = update.subject;
	if (update.desc !== undefined) out.description = update.desc;
	if (update.announce !== undefined) out.announce = update.announce;
	if (update.restrict !== undefined) out.restrict = update.restrict;
	if (update.ephemeralDuration !== undefined) out.ephemeralDuration = update.ephemeralDuration;
	if (update.memberAddMode !== undefined) out.memberAddMode = update.memberAddMode;
	if (update.joinApprovalMode !== undefined) out.joinApprovalMode = update.joinApprovalMode;
	if ((update as { inviteCode?: string }).inviteCode !== undefined) out.inviteCode = (update as { inviteCode?: string }).inviteCode;
	return out;
};

const participantParty = (p: { id: string; phoneNumber?: string; lid?: string; name?: string; notify?: string; admin?: string | null }): Party & { admin?: string | null } => ({
	...(toParty(p.id, p.phoneNumber ?? p.lid, p.name ?? p.notify) ?? { id: p.id }),
	...(p.admin !== undefined && { admin: p.admin ?? null }),
});

const callTypes: Record<string, string> = { offer: 'call.offer', accept: 'call.accept', reject: 'call.terminate', timeout: 'call.terminate', terminate: 'call.terminate' };

/**
 * Maps a socket's Baileys events onto the engine's public events. `findMessage` looks up a recent message by id
 * (poll votes can only be decrypted with the poll they answer). Returns the function that detaches it.
 */
export function forwardSocketEvents(socket: WASocket, sessionId: string, emit: EmitEvent, findMessage: (id: string) => WAMessage | undefined = () => undefined): () => void {
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
	/** A message WhatsApp delivered but this device could not decrypt (Baileys may ask the phone to resend it). */
	const undecryptableEvent = (message: WAMessage): NewEvent => {
		const key = message.key as WAMessageKey;
		return {
			id: eventId(sessionId, 'message.undecryptable', key.remoteJid, key.id, key.participant),
			type: 'message.undecryptable',
			session: sessionId,
			timestamp: millis(message.messageTimestamp),
			...partiesOf(key, message.pushName),
			data: { id: key.id, fromMe: Boolean(key.fromMe), ...(message.messageStubParameters?.[0] && { reason: message.messageStubParameters[0] }) },
		};
	};
	/**
	 * A party with both addresses, the missing one (phone or LID) taken from the socket's LID mapping: group
	 * notifications, for one, name people by LID alone.
	 */
	const complete = async <P extends Party | undefined>(who: P): Promise<P> => {
		if (!who || (who.phone && who.lid)) return who;
		const mapping = socket.signalRepository.lidMapping;
		const alt = await (who.lid ? mapping.getPNForLID(who.lid) : mapping.getLIDForPN(`${who.phone}@s.whatsapp.net`)).catch(() => null);
		return alt ? ({ ...who, ...toParty(who.id, alt, who.name) } as P) : who;
	};
	/** Both JIDs (phone number and LID) of a party, or of this account for its own messages. */
	const addressesOf = (fromMe: boolean | null | undefined, party: Party | undefined): string[] => {
		const own = socket.user;
		const all = fromMe ? [own?.id, own?.lid] : [party?.phone && `${party.phone}@s.whatsapp.net`, party?.lid];
		return [...new Set(all.filter((j): j is string => Boolean(j)).map((j) => jidNormalizedUser(j)))];
	};
	/**
	 * A vote on a poll: the option names, decrypted with the poll's secret. The vote is encrypted for the poll
	 * creator's and the voter's JIDs, which may be phone numbers or LIDs; every pair is tried.
	 */
	const pollVote = async (message: WAMessage, update: proto.Message.IPollUpdateMessage) => {
		const key = message.key as WAMessageKey;
		const parties = partiesOf(key, message.pushName);
		const voter = key.fromMe ? toParty(socket.user?.id, socket.user?.lid) : await complete(parties.sender);
		const pollKey = update.pollCreationMessageKey;
		const poll = pollKey?.id ? findMessage(pollKey.id) : undefined;
		const secret = poll?.message?.messageContextInfo?.messageSecret;
		let selectedOptions: string[] | undefined;
		if (poll && secret && update.vote && pollKey?.id) {
			const creator = addressesOf(poll.key.fromMe, await complete(partiesOf(poll.key as WAMessageKey).sender));
			const voters = addressesOf(key.fromMe, voter);
			for (const pollCreatorJid of creator) {
				for (const voterJid of voters) {
					if (selectedOptions) break;
					try {
						const vote = decryptPollVote(update.vote, { pollCreatorJid, pollMsgId: pollKey.id, pollEncKey: secret, voterJid });
						const tally = getAggregateVotesInPollMessage({ message: normalizeMessageContent(poll.message), pollUpdates: [{ pollUpdateMessageKey: key, vote }] });
						selectedOptions = tally.filter((option) => option.voters.length > 0).map((option) => option.name);
					} catch {
						// not the pair the vote was encrypted for
					}
				}
			}
		}
		emit({
			id: eventId(sessionId, 'poll.vote', key.remoteJid, key.id, key.participant),
			type: 'poll.vote',
			session: sessionId,
			timestamp: update.senderTimestampMs ? Number(update.senderTimestampMs) : millis(message.messageTimestamp),
			...(parties.chat && { chat: parties.chat }),
			...(voter && !key.fromMe && { sender: voter }),
			data: {
				id: key.id,
				pollId: pollKey?.id,
				fromMe: Boolean(key.fromMe),
				...(voter && { voter }),
				...(selectedOptions ? { selectedOptions } : { decrypted: false }),
			},
		});
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
			if (message.key.remoteJid === 'status@broadcast') continue;
			if (message.messageStubType === proto.WebMessageInfo.StubType.CIPHERTEXT) {
				emit(undecryptableEvent(message));
				continue;
			}
			if (!message.message) continue;
			const content = normalizeMessageContent(message.message);
			const kind = getContentType(content);
			if (kind === 'pollUpdateMessage') {
				void pollVote(message, content!.pollUpdateMessage!).catch(() => undefined);
				continue;
			}
			if (kind === 'reactionMessage') {
				emit(reactionEvent(sessionId, message));
				continue;
			}
			if (kind === 'protocolMessage') {
				const protocol = content?.protocolMessage;
				if (protocol?.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT) {
					const at = protocol.timestampMs ? Math.floor(Number(protocol.timestampMs) / 1000) : message.messageTimestamp;
					emit(changeEvent(sessionId, 'message.updated', message.key, protocol.key?.id, at, protocol.editedMessage));
				} else if (protocol?.type === proto.Message.ProtocolMessage.Type.REVOKE) {
					emit(changeEvent(sessionId, 'message.revoked', message.key, protocol.key?.id, message.messageTimestamp));
				}
				continue;
			}
			emit(messageEvent(sessionId, message, message.key.fromMe ? 'message.sent' : 'message.received'));
		}
	};
	const onUpdate = (updates: Array<{ key: WAMessageKey; update: Partial<WAMessage> }>) => {
		for (const { key, update } of updates) {
			if (update.status != null) emitStatus(key, update.status);
			const edited = update.message?.editedMessage?.message;
			if (edited) emit(changeEvent(sessionId, 'message.updated', key, key.id, update.messageTimestamp, edited));
			if (update.messageStubType === proto.WebMessageInfo.StubType.REVOKE && update.key) {
				emit(changeEvent(sessionId, 'message.revoked', update.key, key.id, undefined));
			}
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
	/** Who is typing where, to tell a typing pause (Baileys reports it as 'available') from coming online. */
	const typing = new Map<string, string>();
	const onPresence = ({ id, presences }: BaileysEventMap['presence.update']) => {
		const chat = toParty(id);
		for (const [participant, presence] of Object.entries(presences)) {
			const sender = toParty(participant);
			const state = presence.lastKnownPresence;
			const where = `${id}\u0000${participant}`;
			const was = typing.get(where);
			const now = Date.now();
			if ((chatStates as readonly string[]).includes(state) || (state === 'available' && was)) {
				const chatState = state === 'available' ? 'paused' : state;
				if (chatState === 'paused') typing.delete(where);
				else typing.set(where, chatState);
				emit({
					id: eventId(sessionId, 'chat.presence', id, participant, chatState, now),
					type: 'chat.presence',
					session: sessionId,
					timestamp: now,
					...(chat && { chat }),
					...(sender && { sender }),
					data: { state: chatState, ...(chatState === 'recording' && { media: 'audio' }) },
				});
				continue;
			}
			if (state !== 'available' && state !== 'unavailable') continue;
			typing.delete(where);
			emit({
				id: eventId(sessionId, 'presence.update', id, participant, state, presence.lastSeen, now),
				type: 'presence.update',
				session: sessionId,
				timestamp: now,
				...(sender && { sender }),
				data: { state, ...(presence.lastSeen && { lastSeen: presence.lastSeen * 1000 }) },
			});
		}
	};
	const onParticipants = async (update: BaileysEventMap['group-participants.update']) => {
		const chat = toParty(update.id);
		const author = await complete(toParty(update.author, update.authorPn));
		const participants = await Promise.all(update.participants.map(participantParty).map(complete));
		emit({
			id: eventId(sessionId, 'group.participants', update.id, update.action, update.author, participants.map((p) => p.id).sort().join(','), Math.floor(Date.now() / 1000)),
			type: 'group.participants',
			session: sessionId,
			timestamp: Date.now(),
			...(chat && { chat }),
			...(author && { sender: author }),
			data: { action: update.action, participants, ...(author && { author }) },
		});
	};
	const onGroupsUpdate = async (updates: BaileysEventMap['groups.update']) => {
		for (const update of updates) {
			// A full metadata refresh (groupFetchAllParticipating) comes as groups.update too: not a change.
			if (update.participants) continue;
			const changes = groupChanges(update);
			if (!update.id || !Object.keys(changes).length) continue;
			const chat = toParty(update.id);
			const extra = update as { author?: string; authorPn?: string };
			const author = await complete(toParty(extra.author, extra.authorPn));
			emit({
				id: eventId(sessionId, 'group.update', update.id, JSON.stringify(changes), extra.author, Math.floor(Date.now() / 1000)),
				type: 'group.update',
				session: sessionId,
				timestamp: Date.now(),
				...(chat && { chat }),
				...(author && { sender: author }),
				data: { ...changes, ...(author && { author }) },
			});
		}
	};
	const onGroupsUpsert = (groups: BaileysEventMap['groups.upsert']) => {
		for (const group of groups) {
			const chat = toParty(group.id, undefined, group.subject);
			const author = toParty((group as { author?: string }).author ?? group.owner, group.ownerPn);
			emit({
				id: eventId(sessionId, 'group.joined', group.id, group.creation),
				type: 'group.joined',
				session: sessionId,
				timestamp: Date.now(),
				...(chat && { chat }),
				...(author && { sender: author }),
				data: {
					subject: group.subject,
					...(group.desc && { description: group.desc }),
					...(group.owner && { owner: toParty(group.owner, group.ownerPn) }),
					...(group.creation && { createdAt: group.creation * 1000 }),
					announce: Boolean(group.announce),
					restrict: Boolean(group.restrict),
					participants: (group.participants ?? []).map(participantParty),
				},
			});
		}
	};
	const onCall = (calls: BaileysEventMap['call']) => {
		for (const call of calls) {
			const type = callTypes[call.status];
			if (!type) continue;
			const chat = toParty(call.isGroup && call.groupJid ? call.groupJid : call.chatId, call.isGroup ? undefined : call.callerPn);
			const sender = toParty(call.from, call.callerPn);
			emit({
				id: eventId(sessionId, type, call.id, call.status),
				type,
				session: sessionId,
				timestamp: call.date ? new Date(call.date).getTime() || Date.now() : Date.now(),
				...(chat && { chat }),
				...(sender && { sender }),
				data: { callId: call.id, status: call.status, isVideo: Boolean(call.isVideo), isGroup: Boolean(call.isGroup), offline: Boolean(call.offline) },
			});
		}
	};
	const onContacts = (contacts: Array<Partial<BaileysEventMap['contacts.upsert'][number]>>) => {
		for (const contact of contacts) {
			if (!contact.id) continue;
			const data: Record<string, unknown> = {};
			for (const field of ['name', 'notify', 'verifiedName', 'status'] as const) if (contact[field] !== undefined) data[field] = contact[field];
			if (contact.imgUrl !== undefined) data.picture = contact.imgUrl === 'changed' ? 'changed' : contact.imgUrl === null || contact.imgUrl === 'removed' ? 'removed' : 'set';
			if (!Object.keys(data).length) continue;
			const sender = toParty(contact.id, contact.phoneNumber ?? contact.lid);
			emit({
				id: eventId(sessionId, 'contact.update', contact.id, JSON.stringify(data)),
				type: 'contact.update',
				session: sessionId,
				timestamp: Date.now(),
				...(sender && { sender }),
				data,
			});
		}
	};
	const onChats = (updates: BaileysEventMap['chats.update']) => {
		for (const update of updates) {
			if (!update.id) continue;
			const data: Record<string, unknown> = {};
			if (update.archived != null) data.archived = Boolean(update.archived);
			if (update.pinned !== undefined) data.pinned = Boolean(update.pinned);
			if (update.muteEndTime !== undefined) data.mutedUntil = update.muteEndTime ? Number(update.muteEndTime) : null;
			if (update.unreadCount != null) data.unreadCount = update.unreadCount;
			if (update.markedAsUnread != null) data.markedAsUnread = Boolean(update.markedAsUnread);
			if (!Object.keys(data).length) continue;
			const chat = toParty(update.id);
			emit({
				id: eventId(sessionId, 'chat.update', update.id, JSON.stringify(data), Math.floor(Date.now() / 1000)),
				type: 'chat.update',
				session: sessionId,
				timestamp: Date.now(),
				...(chat && { chat }),
				data,
			});
		}
	};
	const onBlocklist = ({ blocklist, type }: BaileysEventMap['blocklist.update']) => {
		const parties = blocklist.map((jid) => toParty(jid)).filter((p): p is Party => Boolean(p));
		emit({
			id: eventId(sessionId, 'blocklist.update', type, parties.map((p) => p.id).sort().join(','), Math.floor(Date.now() / 1000)),
			type: 'blocklist.update',
			session: sessionId,
			timestamp: Date.now(),
			data: { action: type, parties },
		});
	};
	const onHistory = (history: BaileysEventMap['messaging-history.set']) => {
		const data = {
			chats: history.chats.length,
			contacts: history.contacts.length,
			messages: history.messages.length,
			...(history.syncType != null && { syncType: proto.HistorySync.HistorySyncType[history.syncType] ?? history.syncType }),
			...(history.progress != null && { progress: history.progress }),
			...(history.isLatest != null && { isLatest: history.isLatest }),
			...(history.chunkOrder != null && { chunkOrder: history.chunkOrder }),
		};
		emit({
			id: eventId(sessionId, 'history.sync', JSON.stringify(data), history.messages[0]?.key.id, Date.now()),
			type: 'history.sync',
			session: sessionId,
			timestamp: Date.now(),
			data,
		});
	};
	const onLabelEdit = (label: BaileysEventMap['labels.edit']) => {
		const type = label.deleted ? 'label.deleted' : 'label.edit';
		emit({
			id: eventId(sessionId, type, label.id, label.name, label.color),
			type,
			session: sessionId,
			timestamp: Date.now(),
			data: { labelId: label.id, name: label.name, color: label.color, deleted: Boolean(label.deleted), ...(label.predefinedId && { predefinedId: label.predefinedId }) },
		});
	};
	const onLabelAssociation = ({ association, type }: BaileysEventMap['labels.association']) => {
		const eventType = type === 'add' ? 'label.added' : 'label.removed';
		const messageId = 'messageId' in association ? association.messageId : undefined;
		const chat = toParty(association.chatId);
		emit({
			id: eventId(sessionId, eventType, association.labelId, association.chatId, messageId, Math.floor(Date.now() / 1000)),
			type: eventType,
			session: sessionId,
			timestamp: Date.now(),
			...(chat && { chat }),
			data: { labelId: association.labelId, ...(messageId && { messageId }) },
		});
	};
	const onDelete = (deletion: BaileysEventMap['messages.delete']) => {
		const now = Date.now();
		if ('all' in deletion) {
			const chat = toParty(deletion.jid);
			emit({
				id: eventId(sessionId, 'message.deleted', deletion.jid, 'all', Math.floor(now / 1000)),
				type: 'message.deleted',
				session: sessionId,
				timestamp: now,
				...(chat && { chat }),
				data: { all: true },
			});
			return;
		}
		for (const key of deletion.keys) {
			const chat = toParty(key.remoteJid, key.remoteJidAlt);
			emit({
				id: eventId(sessionId, 'message.deleted', key.remoteJid, key.id, key.participant),
				type: 'message.deleted',
				session: sessionId,
				timestamp: now,
				...(chat && { chat }),
				data: { targetId: key.id, fromMe: Boolean(key.fromMe) },
			});
		}
	};
	const onJoinRequest = async (request: BaileysEventMap['group.join-request']) => {
		const chat = toParty(request.id);
		const participant = await complete(toParty(request.participant, request.participantPn));
		const author = await complete(toParty(request.author, request.authorPn));
		emit({
			id: eventId(sessionId, 'group.joinRequest', request.id, request.participant, request.action, Math.floor(Date.now() / 1000)),
			type: 'group.joinRequest',
			session: sessionId,
			timestamp: Date.now(),
			...(chat && { chat }),
			...(participant && { sender: participant }),
			data: { action: request.action, ...(request.method && { method: request.method }), ...(participant && { participant }), ...(author && { author }) },
		});
	};
	const newsletterEvent = (type: string, newsletter: string, data: Record<string, unknown>, ...identity: unknown[]): NewEvent => {
		const chat = toParty(newsletter);
		return {
			id: eventId(sessionId, type, newsletter, ...identity.map((part) => (typeof part === 'string' || typeof part === 'number' ? part : JSON.stringify(part)))),
			type,
			session: sessionId,
			timestamp: Date.now(),
			...(chat && { chat }),
			data,
		};
	};
	const onNewsletterReaction = ({ id, server_id, reaction }: BaileysEventMap['newsletter.reaction']) => {
		const data = { serverId: server_id, emoji: reaction.code ?? '', ...(reaction.count != null && { count: reaction.count }), removed: Boolean(reaction.removed) };
		emit(newsletterEvent('newsletter.reaction', id, data, server_id, data, Date.now()));
	};
	const onNewsletterView = ({ id, server_id, count }: BaileysEventMap['newsletter.view']) => {
		emit(newsletterEvent('newsletter.view', id, { serverId: server_id, count }, server_id, count));
	};
	const onNewsletterParticipants = (update: BaileysEventMap['newsletter-participants.update']) => {
		const user = toParty(update.user);
		const author = toParty(update.author);
		const data = { action: update.action, role: update.new_role, ...(user && { user }), ...(author && { author }) };
		emit(newsletterEvent('newsletter.participants', update.id, data, update.user, update.action, update.new_role, Math.floor(Date.now() / 1000)));
	};
	const onNewsletterSettings = ({ id, update }: BaileysEventMap['newsletter-settings.update']) => {
		const changes = (update ?? {}) as Record<string, unknown>;
		emit(newsletterEvent('newsletter.settings', id, changes, changes, Math.floor(Date.now() / 1000)));
	};
	const listeners: { [E in keyof BaileysEventMap]?: (arg: BaileysEventMap[E]) => void | Promise<void> } = {
		'messages.upsert': onUpsert,
		'messages.update': onUpdate,
		'message-receipt.update': onReceipt,
		'presence.update': onPresence,
		'group-participants.update': onParticipants,
		'groups.update': onGroupsUpdate,
		'groups.upsert': onGroupsUpsert,
		call: onCall,
		'contacts.upsert': onContacts,
		'contacts.update': onContacts,
		'chats.update': onChats,
		'blocklist.update': onBlocklist,
		'messaging-history.set': onHistory,
		'labels.edit': onLabelEdit,
		'labels.association': onLabelAssociation,
		'messages.delete': onDelete,
		'group.join-request': onJoinRequest,
		'newsletter.reaction': onNewsletterReaction,
		'newsletter.view': onNewsletterView,
		'newsletter-participants.update': onNewsletterParticipants,
		'newsletter-settings.update': onNewsletterSettings,
	};
	const entries = (Object.entries(listeners) as Array<[keyof BaileysEventMap, (arg: unknown) => unknown]>).map(
		([name, listener]) =>
			[
				name,
				(arg: unknown) => {
					const result = listener(arg);
					if (result instanceof Promise) result.catch(() => undefined);
				},
			] as const,
	);
	for (const [name, listener] of entries) socket.ev.on(name, listener);
	return () => {
		for (const [name, listener] of entries) socket.ev.off(name, listener);
	};
}

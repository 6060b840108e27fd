import type { ChatModification, WAMessage, WASocket } from '@whiskeysockets/baileys';
import { notSupported } from '../lib/errors.js';
import { toJid } from '../lib/recipient.js';
import type { ChatPatch, ChatRow, MessageQuery } from '../store/chat-store.js';
import { describeContent } from './baileys-events.js';
import type { SessionStore } from './store-feed.js';
import { appState } from './whatsapp-call.js';

/** The last message of a chat as the caller knows it, for chats the engine has no messages of. */
export interface LastMessageHint {
	id: string;
	/** Epoch seconds, as WhatsApp dates messages. */
	timestamp: number;
	fromMe: boolean;
	/** Author in groups. */
	participant?: string;
}

export type MuteDuration = '8h' | '1w' | 'always';

const MUTE_MS: Record<Exclude<MuteDuration, 'always'>, number> = { '8h': 8 * 3600_000, '1w': 7 * 24 * 3600_000 };

/**
 * Chats: listing and reading them from the store, and the chat-list changes WhatsApp syncs between a user's
 * devices as app-state patches (pin, archive, mute, delete, clear). The store follows those changes through the
 * events Baileys emits for the session's own patches, so a listing right after a change already shows it.
 */
export class ChatActions {
	constructor(
		private readonly socket: () => WASocket,
		private readonly store: SessionStore,
	) {}

	/** The store's id of the chat the caller names by phone number, JID or LID. */
	chatId(chat: string): string {
		return this.store.chatId(toJid(chat));
	}

	list(query: { limit: number; offset: number; search?: string; hasMedia?: boolean; archived?: boolean }) {
		return this.store.store.listChats(this.store.sessionId, query).map((chat) => this.describeChat(chat));
	}

	messages(chat: string, query: MessageQuery) {
		const id = this.chatId(chat);
		const chatParty = this.party(id);
		return this.store.store.listMessages(this.store.sessionId, id, query).map((stored) => {
			const message = this.store.restore(stored);
			const sender = stored.sender ? this.party(stored.sender, message.pushName) : undefined;
			return {
				...describeContent(message.message),
				type: stored.type,
				id: stored.id,
				chat: chatParty,
				...(sender && { sender }),
				fromMe: stored.fromMe,
				timestamp: stored.timestamp,
				...(stored.status && { status: stored.status }),
			};
		});
	}

	/** A chat or person with both addresses where the store knows them. */
	private party(jid: string, name?: string | null) {
		const { phone, lid } = this.store.addressesOf(jid);
		return { id: jid, ...(phone && { phone }), ...(lid && { lid }), ...(name && { name }) };
	}

	async pin(chat: string, pin: boolean): Promise<void> {
		await this.modify(chat, { pin });
		this.remember(chat, { pinned: pin });
	}

	async archive(chat: string, archive: boolean, hint?: LastMessageHint): Promise<void> {
		await this.modify(chat, { archive, lastMessages: this.lastMessages(chat, hint) });
		// WhatsApp unpins what it archives.
		this.remember(chat, archive ? { archived: true, pinned: false } : { archived: false });
	}

	async mute(chat: string, mute: boolean, duration: MuteDuration = 'always'): Promise<{ mutedUntil?: number }> {
		// WhatsApp's clients mark "always" with an end of -1.
		const until = !mute ? null : duration === 'always' ? -1 : Date.now() + MUTE_MS[duration];
		await this.modify(chat, { mute: until });
		this.remember(chat, { mutedUntil: until ?? undefined });
		return until === null ? {} : { mutedUntil: until };
	}

	async delete(chat: string, hint?: LastMessageHint): Promise<void> {
		const id = this.chatId(chat);
		await this.modify(chat, { delete: true, lastMessages: this.lastMessages(chat, hint) });
		this.store.store.deleteChat(this.store.sessionId, id);
	}

	async clear(chat: string, hint?: LastMessageHint): Promise<void> {
		const id = this.chatId(chat);
		await this.modify(chat, { clear: true, lastMessages: this.lastMessages(chat, hint) });
		this.store.store.clearMessages(this.store.sessionId, id);
	}

	/**
	 * Applies a change WhatsApp accepted to the store at once. Baileys also reports the session's own patches as
	 * chat updates, but its event buffer may hold them for a while, and a listing right after a change must show it.
	 */
	private remember(chat: string, patch: ChatPatch): void {
		const id = this.chatId(chat);
		this.store.store.upsertChat(this.store.sessionId, id, { ...this.store.addressesOf(id), ...patch });
	}

	private async modify(chat: string, modification: ChatModification): Promise<void> {
		const socket = this.socket();
		await appState(() => socket.chatModify(modification, this.chatId(chat)));
	}

	/**
	 * WhatsApp wants the chat's newest message with archive, clear and delete, so every device applies the change
	 * to the same point of the conversation. The store has it for chats the engine saw; otherwise the caller must.
	 */
	private lastMessages(chat: string, hint?: LastMessageHint): Array<Pick<WAMessage, 'key' | 'messageTimestamp'>> {
		const id = this.chatId(chat);
		if (hint) {
			return [{ key: { remoteJid: id, id: hint.id, fromMe: hint.fromMe, ...(hint.participant && { participant: toJid(hint.participant) }) }, messageTimestamp: hint.timestamp }];
		}
		const known = this.store.lastMessages(id);
		if (known.length === 0) {
			throw notSupported(`The engine has no message of chat ${id}; WhatsApp needs the chat's last message for this change. Pass it as \`lastMessage\`.`);
		}
		return known;
	}

	private describeChat(chat: ChatRow) {
		const muted = chat.mutedUntil !== undefined && (chat.mutedUntil === -1 || chat.mutedUntil > Date.now());
		return {
			chat: { id: chat.id, ...(chat.phone && { phone: chat.phone }), ...(chat.lid && { lid: chat.lid }) },
			...(chat.name && { name: chat.name }),
			unreadCount: chat.unreadCount,
			archived: chat.archived,
			pinned: chat.pinned,
			muted,
			...(muted && { mutedUntil: chat.mutedUntil }),
			...(chat.lastMessageAt !== undefined && { lastMessageAt: chat.lastMessageAt }),
		};
	}
}

import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';
import { toJid } from '../lib/recipient.js';
import { appState } from './whatsapp-call.js';

export interface LabelChange {
	id: string;
	name?: string;
	color?: number;
	deleted: boolean;
}

/**
 * Labels (WhatsApp Business): editing them and putting them on chats and messages. All of it is app state
 * (`label_edit`, `label_jid`, `label_message` patches) that WhatsApp hands to the account's other devices.
 */
export class LabelActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}

	/** Creates, renames, recolours or deletes a label; the patch carries the whole label, so it replaces it. */
	async manage(change: LabelChange): Promise<void> {
		const socket = this.socket();
		// Baileys ignores the jid argument of addLabel: a label belongs to the account, not to a chat.
		await appState(() => socket.addLabel('', { id: change.id, name: change.name, color: change.color, deleted: change.deleted }));
	}

	async labelChat(chat: string, labelId: string, apply: boolean): Promise<string> {
		const socket = this.socket();
		const jid = toJid(chat);
		await appState(() => (apply ? socket.addChatLabel(jid, labelId) : socket.removeChatLabel(jid, labelId)));
		return jid;
	}

	async labelMessage(chat: string, messageId: string, labelId: string, apply: boolean): Promise<string> {
		const socket = this.socket();
		const jid = toJid(chat);
		await appState(() => (apply ? socket.addMessageLabel(jid, messageId, labelId) : socket.removeMessageLabel(jid, messageId, labelId)));
		return jid;
	}
}

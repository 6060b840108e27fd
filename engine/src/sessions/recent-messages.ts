import { jidNormalizedUser, type WAMessage } from '@whiskeysockets/baileys';

/**
 * The last messages a session sent or received, bounded, newest kept. Quoted replies, reactions, edits,
 * delete-for-me and media downloads need the original message; until the SQLite message store exists this is
 * where they find it. Also answers Baileys' `getMessage` so retry requests can be served.
 */
export class RecentMessages {
	private readonly byId = new Map<string, WAMessage>();

	constructor(private readonly limit = 2000) {}

	remember(message: WAMessage | undefined): void {
		const id = message?.key.id;
		if (!message || !id || !message.message) return;
		this.byId.delete(id);
		this.byId.set(id, message);
		if (this.byId.size > this.limit) {
			const oldest = this.byId.keys().next().value;
			if (oldest !== undefined) this.byId.delete(oldest);
		}
	}

	/** The message with this id, when it belongs to `chat` (compared by either of its addresses, PN or LID). */
	find(id: string, chat?: string): WAMessage | undefined {
		const message = this.byId.get(id);
		if (!message || !chat) return message;
		const addresses = [message.key.remoteJid, message.key.remoteJidAlt].filter((j): j is string => Boolean(j)).map((j) => jidNormalizedUser(j));
		return addresses.includes(jidNormalizedUser(chat)) ? message : undefined;
	}

	clear(): void {
		this.byId.clear();
	}
}

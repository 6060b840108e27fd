import { jidNormalizedUser, type WAMessage } from '@whiskeysockets/baileys';

/**
 * The last messages a session sent or received, bounded, newest kept, in front of the SQLite store. Quoted
 * replies, reactions, edits, delete-for-me, media downloads and Baileys' `getMessage` (retry requests) need the
 * original message; the newest are answered from memory, older ones and those from before a restart from the store.
 */
export class RecentMessages {
	private readonly byId = new Map<string, WAMessage>();

	constructor(
		private readonly stored: (id: string, chat?: string) => WAMessage | undefined = () => undefined,
		private readonly limit = 2000,
	) {}

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
		if (!message) return this.stored(id, chat);
		if (!chat) return message;
		const addresses = [message.key.remoteJid, message.key.remoteJidAlt].filter((j): j is string => Boolean(j)).map((j) => jidNormalizedUser(j));
		return addresses.includes(jidNormalizedUser(chat)) ? message : undefined;
	}

	clear(): void {
		this.byId.clear();
	}
}

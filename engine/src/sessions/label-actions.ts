import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';

/** Labels (WhatsApp Business): editing them and putting them on chats and messages. */
export class LabelActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}
}

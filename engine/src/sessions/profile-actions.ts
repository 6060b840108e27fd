import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';

/** The account's own profile: push name, about, picture. */
export class ProfileActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}
}

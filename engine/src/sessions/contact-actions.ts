import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';

/** Contacts and users: lookups, LID/phone resolution, devices, address book. */
export class ContactActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}
}

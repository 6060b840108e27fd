import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';

/** Status updates (stories) sent to status@broadcast. */
export class StatusActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}
}

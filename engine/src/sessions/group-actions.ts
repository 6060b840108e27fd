import type { WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';

/** Groups: metadata, members, invites, join requests, settings and photos. */
export class GroupActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}
}

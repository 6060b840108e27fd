import type { EngineConfig } from './config.js';
import type { EventLog } from './events/event-log.js';
import type { Logger } from './lib/logger.js';
import type { WhatsAppSandbox } from './sandbox/index.js';
import type { SessionManager } from './sessions/session-manager.js';

/** What operation handlers may use. */
export interface EngineServices {
	config: EngineConfig;
	logger: Logger;
	sessions: SessionManager;
	events: EventLog;
	/** The embedded WhatsApp simulator, when the engine runs with --sandbox. */
	sandbox?: WhatsAppSandbox;
}

import type { EngineConfig } from './config.js';
import type { EventLog } from './events/event-log.js';
import type { WebhookService } from './events/webhooks.js';
import type { Logger } from './lib/logger.js';
import type { WhatsAppSandbox } from './sandbox/index.js';
import type { SessionManager } from './sessions/session-manager.js';
import type { SessionSettingsRepository } from './store/settings-repo.js';

/** What operation handlers may use. */
export interface EngineServices {
	config: EngineConfig;
	logger: Logger;
	sessions: SessionManager;
	events: EventLog;
	/** Webhook subscriptions and their dispatcher. */
	webhooks: WebhookService;
	/** Per-session settings (settings resource). */
	settings: SessionSettingsRepository;
	/** The embedded WhatsApp simulator, when the engine runs with --sandbox. */
	sandbox?: WhatsAppSandbox;
}

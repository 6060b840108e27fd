import deleteAllWebhooks from './deleteAllWebhooks.js';
import deleteWebhook from './deleteWebhook.js';
import getWebhook from './getWebhook.js';
import getWebhooks from './getWebhooks.js';
import getWebhookStats from './getWebhookStats.js';
import listWebhookDeadLetters from './listWebhookDeadLetters.js';
import redeliverWebhookEvents from './redeliverWebhookEvents.js';
import replayWebhookDeadLetters from './replayWebhookDeadLetters.js';
import setWebhook from './setWebhook.js';
import updateWebhook from './updateWebhook.js';

/** The `webhook` resource: subscriptions (catalog §2.19) plus delivery statistics, dead letters and redelivery. */
export const webhookOperations = [
	setWebhook,
	getWebhooks,
	getWebhook,
	updateWebhook,
	deleteWebhook,
	deleteAllWebhooks,
	getWebhookStats,
	listWebhookDeadLetters,
	replayWebhookDeadLetters,
	redeliverWebhookEvents,
];

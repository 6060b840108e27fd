import type { INodeProperties } from 'n8n-workflow';

import * as deleteAllWebhooks from './deleteAllWebhooks.operation';
import * as deleteWebhook from './deleteWebhook.operation';
import * as getWebhook from './getWebhook.operation';
import * as getWebhooks from './getWebhooks.operation';
import * as getWebhookStats from './getWebhookStats.operation';
import * as listWebhookDeadLetters from './listWebhookDeadLetters.operation';
import * as redeliverWebhookEvents from './redeliverWebhookEvents.operation';
import * as replayWebhookDeadLetters from './replayWebhookDeadLetters.operation';
import * as setWebhook from './setWebhook.operation';
import * as updateWebhook from './updateWebhook.operation';

export {
	deleteAllWebhooks,
	deleteWebhook,
	getWebhook,
	getWebhooks,
	getWebhookStats,
	listWebhookDeadLetters,
	redeliverWebhookEvents,
	replayWebhookDeadLetters,
	setWebhook,
	updateWebhook,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Create', value: 'setWebhook', description: 'Subscribe a URL to events (idempotent per URL and session)', action: 'Create a webhook' },
			{ name: 'Delete', value: 'deleteWebhook', description: 'Delete a webhook subscription', action: 'Delete a webhook' },
			{ name: 'Delete All', value: 'deleteAllWebhooks', description: 'Delete every subscription the API key manages', action: 'Delete all webhooks' },
			{ name: 'Get', value: 'getWebhook', description: 'Get a subscription, secret included', action: 'Get a webhook' },
			{ name: 'Get Dead Letters', value: 'listWebhookDeadLetters', description: 'List the events a subscription gave up on', action: 'Get dead letters of a webhook' },
			{ name: 'Get Many', value: 'getWebhooks', description: 'List webhook subscriptions', action: 'Get many webhooks' },
			{ name: 'Get Statistics', value: 'getWebhookStats', description: "A subscription's delivery statistics", action: 'Get statistics of a webhook' },
			{ name: 'Redeliver Events', value: 'redeliverWebhookEvents', description: 'Deliver again every event from a sequence number on', action: 'Redeliver events of a webhook' },
			{ name: 'Replay Dead Letters', value: 'replayWebhookDeadLetters', description: 'Deliver dead letters again', action: 'Replay dead letters of a webhook' },
			{ name: 'Update', value: 'updateWebhook', description: 'Change URL, events, filters, headers, secret or active flag', action: 'Update a webhook' },
		],
		default: 'getWebhooks',
	},
	...deleteAllWebhooks.description,
	...deleteWebhook.description,
	...getWebhook.description,
	...getWebhooks.description,
	...getWebhookStats.description,
	...listWebhookDeadLetters.description,
	...redeliverWebhookEvents.description,
	...replayWebhookDeadLetters.description,
	...setWebhook.description,
	...updateWebhook.description,
];

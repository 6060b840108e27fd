import { z } from 'zod';
import { eventFilters, eventTypeList } from '../../events/filters.js';
import type { WebhookRecord } from '../../store/webhook-repo.js';
import { sessionId } from '../schemas.js';

export const webhookParams = z.object({ webhook: z.string().regex(/^wh_[A-Za-z0-9_-]{1,64}$/, 'a webhook id such as wh_…').describe('Webhook subscription id') });

const RESERVED_HEADERS = /^(content-type|content-length|host|user-agent|connection|transfer-encoding|x-wa-.*)$/i;

export const webhookUrl = z
	.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
	.max(2048)
	.describe('Where events are POSTed');

export const customHeaders = z
	.record(
		z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'a header name').refine((name) => !RESERVED_HEADERS.test(name), 'this header is set by the engine'),
		z.string().max(4096).regex(/^[^\r\n]*$/, 'no line breaks'),
	)
	.describe('Extra HTTP headers sent with every delivery');

export const webhookSecret = z.string().min(16, 'secrets need at least 16 characters').max(256);

/** The settings a subscription can be created or updated with. */
export const webhookSettings = {
	events: eventTypeList.optional().describe('Event types to deliver: exact types (message.received), prefixes (message.*), or * (default)'),
	filters: eventFilters.optional(),
	headers: customHeaders.optional(),
	secret: webhookSecret.optional().describe('HMAC key for X-WA-Signature; generated when left out'),
	active: z.boolean().optional().describe('Inactive subscriptions keep their place in the log but deliver nothing'),
};

export const webhookView = z
	.object({
		id: z.string(),
		session: sessionId.nullable().describe('Only this session\'s events; null = every session'),
		url: z.string(),
		events: z.array(z.string()),
		filters: eventFilters,
		headers: z.record(z.string(), z.string()),
		active: z.boolean(),
		cursor: z.number().int().describe('The last event seq this subscription is done with'),
		createdAt: z.string().describe('ISO 8601'),
		updatedAt: z.string().describe('ISO 8601'),
	})
	.describe('Webhook');

export const webhookWithSecret = webhookView
	.extend({ secret: z.string().describe('The HMAC-SHA256 key of X-WA-Signature') })
	.describe('WebhookWithSecret');

export const toView = (record: WebhookRecord) => ({
	id: record.id,
	session: record.session,
	url: record.url,
	events: record.events,
	filters: record.filters,
	headers: record.headers,
	active: record.active,
	cursor: record.cursor,
	createdAt: new Date(record.createdAt).toISOString(),
	updatedAt: new Date(record.updatedAt).toISOString(),
});

export const withSecret = (record: WebhookRecord) => ({ ...toView(record), secret: record.secret });

export const deadLetterView = z
	.object({
		id: z.number().int(),
		eventSeq: z.number().int(),
		eventId: z.string(),
		eventType: z.string(),
		attempts: z.number().int(),
		lastError: z.string(),
		state: z.enum(['dead', 'replay']).describe('dead: given up; replay: queued for another round of attempts'),
		failedAt: z.string().describe('ISO 8601'),
		event: z.unknown().describe('The event as it was (and will again be) delivered'),
	})
	.describe('DeadLetter');

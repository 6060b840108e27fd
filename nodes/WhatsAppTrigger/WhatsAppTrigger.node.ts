import { createHmac, timingSafeEqual } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { eventTypeOptions, filtersField, toEngineFilters } from '../WhatsApp/actions/webhook/fields';
import { sessionLocator } from '../WhatsApp/descriptions';
import { listSearch } from '../WhatsApp/methods';
import { CREDENTIAL_TYPE, engineRequest, isNotFound } from './transport';

/** What the trigger remembers per webhook URL (test and production URLs are separate subscriptions). */
interface Subscription {
	id: string;
	secret: string;
}
type Subscriptions = Record<string, Subscription>;

function subscriptionsOf(ctx: IHookFunctions | IWebhookFunctions): { data: IDataObject; subscriptions: Subscriptions } {
	const data = ctx.getWorkflowStaticData('node');
	const subscriptions = (data.subscriptions ?? {}) as Subscriptions;
	data.subscriptions = subscriptions;
	return { data, subscriptions };
}

/** The chosen session, else the credential's default session, else none (every session; needs the admin key). */
async function sessionOf(ctx: IHookFunctions): Promise<string | undefined> {
	const chosen = String(ctx.getNodeParameter('session', '', { extractValue: true }) ?? '').trim();
	if (chosen) return chosen;
	const credentials = await ctx.getCredentials<{ defaultSession?: string }>(CREDENTIAL_TYPE);
	const fallback = String(credentials.defaultSession ?? '').trim();
	return fallback || undefined;
}

/** Constant-time check of `X-WA-Signature` against every secret this node holds. */
export function signatureValid(secrets: string[], timestamp: string, body: string, signature: string): boolean {
	const given = Buffer.from(signature);
	return secrets.some((secret) => {
		const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
		return expected.length === given.length && timingSafeEqual(expected, given);
	});
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export class WhatsAppTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Trigger',
		name: 'whatsAppTrigger',
		icon: { light: 'file:whatsapp.svg', dark: 'file:whatsapp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when your self-hosted WhatsApp engine reports an event',
		defaults: { name: 'WhatsApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				...sessionLocator,
				description:
					"The session whose events start the workflow. Leave empty for the credential's default session; without one, every session's events (needs the admin API key).",
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventTypeOptions,
				default: ['message.received'],
				required: true,
				description: 'The events that start the workflow',
			},
			filtersField,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Attach Media',
						name: 'attachMedia',
						type: 'boolean',
						default: false,
						description: 'Whether to download the media of received image, video, audio, document and sticker messages into binary data',
					},
					{
						displayName: 'Binary Property',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'Name of the binary property the media is put into',
						displayOptions: { show: { attachMedia: [true] } },
					},
					{
						displayName: 'Max Signature Age (Seconds)',
						name: 'maxAgeSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 300,
						description: 'Reject deliveries whose signed timestamp is older than this (replay protection); 0 accepts any age',
					},
				],
			},
		],
	};

	methods = { listSearch };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const { subscriptions } = subscriptionsOf(this);
				const known = subscriptions[url];
				if (!known) return false;
				try {
					const webhook = await engineRequest<{ url: string; secret: string; session: string | null }>(this, 'GET', `/api/webhooks/${encodeURIComponent(known.id)}`);
					if (webhook.url !== url || (webhook.session ?? undefined) !== (await sessionOf(this))) return false;
					known.secret = webhook.secret;
					return true;
				} catch (error) {
					if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
					delete subscriptions[url];
					return false;
				}
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const session = await sessionOf(this);
				const body: IDataObject = {
					url,
					events: this.getNodeParameter('events', ['message.received']) as string[],
					filters: toEngineFilters(this.getNodeParameter('filters', {}) as IDataObject),
					active: true,
				};
				if (session) body.session = session;
				// Idempotent at the engine: the same URL and session return the existing subscription and its secret.
				const webhook = await engineRequest<{ id: string; secret: string }>(this, 'POST', '/api/webhooks', { body });
				const { subscriptions } = subscriptionsOf(this);
				subscriptions[url] = { id: webhook.id, secret: webhook.secret };
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const url = this.getNodeWebhookUrl('default') as string;
				const { subscriptions } = subscriptionsOf(this);
				const known = subscriptions[url];
				if (!known) return true;
				try {
					await engineRequest(this, 'DELETE', `/api/webhooks/${encodeURIComponent(known.id)}`);
				} catch (error) {
					if (!isNotFound(error)) return false;
				}
				delete subscriptions[url];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const headers = this.getHeaderData();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const timestamp = header(headers['x-wa-timestamp']);
		const signature = header(headers['x-wa-signature']);
		const raw = request.rawBody ? request.rawBody.toString('utf8') : JSON.stringify(this.getBodyData());
		const secrets = Object.values(subscriptionsOf(this).subscriptions).map((s) => s.secret);
		const maxAge = Number(options.maxAgeSeconds ?? 300);
		const fresh = /^\d+$/.test(timestamp) && (maxAge <= 0 || Math.abs(Date.now() / 1000 - Number(timestamp)) <= maxAge);

		if (!fresh || !signature || !signatureValid(secrets, timestamp, raw, signature)) {
			const response = this.getResponseObject();
			response.status(403).json({ error: { code: 'invalid_signature', message: 'Missing, stale or wrong X-WA-Signature.' } });
			return { noWebhookResponse: true };
		}

		const event = this.getBodyData();
		const item: INodeExecutionData = { json: event };
		const data = event.data as IDataObject | undefined;
		// The session's skipMediaDownload setting marks media the trigger should leave on WhatsApp.
		const media = data?.media as IDataObject | undefined;
		if (options.attachMedia === true && media && media.skipDownload !== true && typeof data?.id === 'string') {
			const chat = (event.chat as IDataObject | undefined)?.id as string | undefined;
			try {
				const file = await engineRequest<{ body: Buffer; headers?: IDataObject }>(
					this,
					'GET',
					`/api/sessions/${encodeURIComponent(String(event.session))}/messages/${encodeURIComponent(data.id as string)}/media`,
					{ qs: { chat }, encoding: 'arraybuffer' },
				);
				const property = String(options.binaryPropertyName || 'data');
				item.binary = {
					[property]: await this.helpers.prepareBinaryData(
						Buffer.from(file.body),
						(media.fileName as string | undefined) ?? undefined,
						(media.mimetype as string | undefined) ?? undefined,
					),
				};
			} catch (error) {
				item.json = { ...event, mediaError: (error as Error).message };
			}
		}
		return { workflowData: [[item]] };
	}
}

import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting, with its flag, its environment variable and its default. `--help` is generated from this
 * table, so the help text cannot drift from what is parsed.
 */
const settings = {
	dataDir: {
		flag: 'data-dir',
		env: 'WA_ENGINE_DATA_DIR',
		help: 'Folder for the SQLite file (default ./data, or ./sandbox-data with --sandbox)',
		default: undefined,
	},
	host: { flag: 'host', env: 'WA_ENGINE_HOST', help: 'Address the REST bridge binds', default: '127.0.0.1' },
	port: { flag: 'port', env: 'WA_ENGINE_PORT', help: 'REST bridge port (0 picks a free one)', default: '3100' },
	apiKey: {
		flag: 'api-key',
		env: 'WA_ENGINE_API_KEY',
		help: 'Admin API key; generated, stored and printed once on first start when absent',
		default: undefined,
	},
	logLevel: {
		flag: 'log-level',
		env: 'WA_ENGINE_LOG_LEVEL',
		help: 'fatal | error | warn | info | debug | trace | silent',
		default: 'info',
	},
	sandbox: {
		flag: 'sandbox',
		env: 'WA_ENGINE_SANDBOX',
		help: 'Run a local WhatsApp simulator inside the engine and connect every session to it',
		boolean: true,
	},
	printQr: { flag: 'print-qr', env: 'WA_ENGINE_PRINT_QR', help: 'Print pairing QR codes in the terminal', boolean: true },
	bodyLimit: {
		flag: 'body-limit',
		env: 'WA_ENGINE_BODY_LIMIT',
		help: 'Largest accepted request body, e.g. 512kb, 25mb',
		default: '25mb',
	},
	reconnectBaseMs: {
		flag: 'reconnect-base-ms',
		env: 'WA_ENGINE_RECONNECT_BASE_MS',
		help: 'First reconnect delay after a lost connection',
		default: '1000',
	},
	reconnectMaxMs: {
		flag: 'reconnect-max-ms',
		env: 'WA_ENGINE_RECONNECT_MAX_MS',
		help: 'Longest reconnect delay',
		default: '60000',
	},
	mediaMaxBytes: {
		flag: 'media-max-bytes',
		env: 'WA_ENGINE_MEDIA_MAX_BYTES',
		help: 'Largest media file the engine accepts or fetches from a URL, in bytes',
		default: String(64 * 1024 * 1024),
	},
	allowPrivateMediaUrls: {
		flag: 'allow-private-media-urls',
		env: 'WA_ENGINE_ALLOW_PRIVATE_MEDIA_URLS',
		help: 'Let media URLs point at private, loopback and link-local addresses',
		boolean: true,
	},
	eventRetentionDays: {
		flag: 'event-retention-days',
		env: 'WA_ENGINE_EVENT_RETENTION_DAYS',
		help: 'Days the event log keeps events (0 = forever); events a webhook has still to deliver are kept',
		default: '14',
	},
	messageRetentionDays: {
		flag: 'message-retention-days',
		env: 'WA_ENGINE_MESSAGE_RETENTION_DAYS',
		help: 'Days the message store keeps messages (0 = forever); chats, contacts and LID mappings are kept',
		default: '90',
	},
	webhookMaxAttempts: {
		flag: 'webhook-max-attempts',
		env: 'WA_ENGINE_WEBHOOK_MAX_ATTEMPTS',
		help: 'Delivery attempts per event before it becomes a dead letter',
		default: '10',
	},
	webhookRetryBaseMs: {
		flag: 'webhook-retry-base-ms',
		env: 'WA_ENGINE_WEBHOOK_RETRY_BASE_MS',
		help: 'Wait before the second delivery attempt; doubles per attempt, with jitter',
		default: '1000',
	},
	webhookRetryMaxMs: {
		flag: 'webhook-retry-max-ms',
		env: 'WA_ENGINE_WEBHOOK_RETRY_MAX_MS',
		help: 'Longest wait between two delivery attempts',
		default: '300000',
	},
	webhookTimeoutMs: {
		flag: 'webhook-timeout-ms',
		env: 'WA_ENGINE_WEBHOOK_TIMEOUT_MS',
		help: 'A webhook receiver that has not answered within this time failed the attempt',
		default: '10000',
	},
	streamKeepAliveMs: {
		flag: 'stream-keepalive-ms',
		env: 'WA_ENGINE_STREAM_KEEPALIVE_MS',
		help: 'Interval of keep-alive comments on event streams (Server-Sent Events)',
		default: '15000',
	},
	waWebSocketUrl: {
		flag: 'wa-websocket-url',
		env: 'WA_ENGINE_WA_WEBSOCKET_URL',
		help: 'WhatsApp Web socket URL (change only for testing)',
		default: 'wss://web.whatsapp.com/ws/chat',
	},
} as const satisfies Record<string, { flag: string; env: string; help: string; default?: string; boolean?: true }>;

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSchema = z
	.object({
		dataDir: z.string().min(1).transform((dir) => resolve(dir)),
		host: z.string().min(1),
		port: intFrom(0, 65535),
		apiKey: z.string().min(16, 'the admin API key needs at least 16 characters').optional(),
		logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
		printQr: z.boolean(),
		sandbox: z.boolean(),
		bodyLimit: z.string().regex(/^\d+(b|kb|mb)$/i, 'use a size like 512kb or 25mb'),
		reconnectBaseMs: intFrom(1, 3_600_000),
		reconnectMaxMs: intFrom(1, 86_400_000),
		waWebSocketUrl: z.url({ protocol: /^wss?$/ }),
		eventRetentionDays: intFrom(0, 36_500).default(14),
		messageRetentionDays: intFrom(0, 36_500).default(90),
		webhookMaxAttempts: intFrom(1, 1_000_000).default(10),
		webhookRetryBaseMs: intFrom(1, 3_600_000).default(1000),
		webhookRetryMaxMs: intFrom(1, 86_400_000).default(300_000),
		webhookTimeoutMs: intFrom(1, 600_000).default(10_000),
		streamKeepAliveMs: intFrom(10, 3_600_000).default(15_000),
		mediaMaxBytes: intFrom(1, 2 ** 40).default(64 * 1024 * 1024),
		allowPrivateMediaUrls: z.boolean().default(false),
	})
	.refine((c) => c.reconnectMaxMs >= c.reconnectBaseMs, {
		message: 'reconnect-max-ms must be at least reconnect-base-ms',
		path: ['reconnectMaxMs'],
	})
	.refine((c) => c.webhookRetryMaxMs >= c.webhookRetryBaseMs, {
		message: 'webhook-retry-max-ms must be at least webhook-retry-base-ms',
		path: ['webhookRetryMaxMs'],
	});

export type EngineConfig = z.infer<typeof configSchema>;
export type ConfigInput = Partial<Record<keyof typeof settings, string | boolean | undefined>>;

export class ConfigError extends Error {}

const truthy = (value: string) => /^(1|true|yes|on)$/i.test(value);

/** Flags win over environment variables, which win over defaults. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): { config: EngineConfig; help: boolean } {
	const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
	for (const setting of Object.values(settings)) {
		options[setting.flag] = { type: 'boolean' in setting ? 'boolean' : 'string' };
	}
	let values: Record<string, string | boolean | undefined>;
	try {
		values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
	} catch (error) {
		throw new ConfigError(`${(error as Error).message}\n\n${helpText()}`);
	}
	const raw: Record<string, unknown> = {};
	for (const [key, setting] of Object.entries(settings)) {
		const fromFlag = values[setting.flag];
		const fromEnv = env[setting.env];
		if ('boolean' in setting) raw[key] = fromFlag === true || (fromEnv !== undefined && truthy(fromEnv));
		else raw[key] = fromFlag ?? (fromEnv === '' ? undefined : fromEnv) ?? setting.default;
	}
	// Sandbox sessions are linked to simulated accounts; keeping them apart from real ones means a sandbox run
	// can never log a real session out.
	raw.dataDir ??= raw.sandbox ? './sandbox-data' : './data';
	const parsed = configSchema.safeParse(raw);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => {
			const setting = settings[issue.path[0] as keyof typeof settings];
			const where = setting ? `--${setting.flag} / ${setting.env}` : issue.path.join('.');
			return `  ${where}: ${issue.message}`;
		});
		throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
	}
	return { config: parsed.data, help: values.help === true };
}

export function helpText(): string {
	const lines = Object.values(settings).map((s) => {
		const flag = `--${s.flag}${'boolean' in s ? '' : ' <value>'}`;
		const fallback = 'default' in s && s.default !== undefined ? ` (default: ${s.default})` : '';
		return `  ${flag.padEnd(30)} ${s.env.padEnd(30)} ${s.help}${fallback}`;
	});
	return [
		'Usage: whatsapp-engine [options]',
		'',
		'Runs the WhatsApp engine: Baileys sessions, one SQLite file, a REST bridge on http://<host>:<port>.',
		'Every option can also be set with the environment variable beside it.',
		'',
		`  ${'--help'.padEnd(30)} ${''.padEnd(30)} Show this text`,
		...lines,
	].join('\n');
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema, type EngineConfig } from '../../engine/src/config.js';
import { startEngine, type RunningEngine, type StartOptions } from '../../engine/src/engine.js';
import type { EngineEvent } from '../../engine/src/events/types.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';

export interface TestEngine extends RunningEngine {
	dataDir: string;
	/** fetch against the engine with the admin key unless `key` says otherwise (null = no key). */
	call(method: string, path: string, init?: { body?: unknown; key?: string | null; headers?: Record<string, string>; rawBody?: string }): Promise<{ status: number; body: any; headers: Headers }>;
	/**
	 * The first logged event that matches, whether it was logged before this call or arrives within
	 * `timeoutMs` (so a test never misses an event that beat it); fails the test on timeout.
	 */
	waitForEvent(matches: (event: EngineEvent) => boolean, timeoutMs?: number): Promise<EngineEvent>;
	/** Stops the engine and deletes its data folder. */
	dispose(): Promise<void>;
}

export function makeDataDir(): string {
	return mkdtempSync(join(tmpdir(), 'wa-engine-test-'));
}

/**
 * A real engine on an ephemeral port with a real SQLite file in a temp folder. WhatsApp is pointed at a closed
 * local port, so sessions fail to connect at once (the offline case) unless `options.socketConfig` says otherwise.
 */
export async function startTestEngine(overrides: Partial<Record<keyof EngineConfig, unknown>> = {}, options: StartOptions = {}): Promise<TestEngine> {
	const dataDir = (overrides.dataDir as string | undefined) ?? makeDataDir();
	const config = configSchema.parse({
		dataDir,
		host: '127.0.0.1',
		port: 0,
		apiKey: ADMIN_KEY,
		logLevel: 'silent',
		printQr: false,
		sandbox: false,
		bodyLimit: '64kb',
		reconnectBaseMs: 50,
		reconnectMaxMs: 400,
		waWebSocketUrl: 'ws://127.0.0.1:9/ws/chat',
		...overrides,
	});
	const engine = await startEngine(config, options);
	const call: TestEngine['call'] = async (method, path, init = {}) => {
		const headers: Record<string, string> = { ...init.headers };
		const key = init.key === undefined ? ADMIN_KEY : init.key;
		if (key !== null) headers['x-api-key'] = key;
		let body: string | undefined = init.rawBody;
		if (init.body !== undefined) {
			body = JSON.stringify(init.body);
			headers['content-type'] ??= 'application/json';
		}
		const response = await fetch(`${engine.url}${path}`, { method, headers, body });
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: response.status, body: parsed, headers: response.headers };
	};
	return {
		...engine,
		dataDir,
		call,
		waitForEvent: async (matches, timeoutMs = 15_000) => {
			const arriving = engine.events.next(matches, timeoutMs);
			const logged = engine.events.list({ after: 0, limit: 1_000_000 }).find(matches);
			const event = logged ?? (await arriving);
			if (!event) throw new Error(`no matching event within ${timeoutMs} ms`);
			return event;
		},
		dispose: async () => {
			await engine.stop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/**
 * An engine with the built-in WhatsApp sandbox and one session already linked: created over REST, its QR code
 * scanned by the simulated phone `phone`, and connected.
 */
export async function startPairedSandboxEngine(session: string, phone: string, overrides: Partial<Record<keyof EngineConfig, unknown>> = {}): Promise<TestEngine> {
	const engine = await startTestEngine({ sandbox: true, ...overrides });
	await engine.call('POST', '/api/sessions', { body: { id: session } });
	const qr = await engine.call('GET', `/api/sessions/${session}/qr?wait=20`);
	const connected = engine.events.next((e) => e.session === session && e.type === 'session.connected', 20_000);
	await engine.sandbox!.scanQr(qr.body.value, { phone, name: 'Shop' });
	if (!(await connected)) throw new Error(`session ${session} did not connect after its QR code was scanned`);
	return engine;
}

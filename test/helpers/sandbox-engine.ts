import { rmSync } from 'node:fs';
import { makeDataDir } from './engine.js';
import { spawnEngine, type EngineProcess } from './process.js';

export const SANDBOX_ADMIN_KEY = 'sandbox-e2e-admin-key-0000';

export interface ApiResponse {
	status: number;
	body: any;
}

/**
 * The real engine as a child process in sandbox mode (real Baileys, real SQLite file, real HTTP), and a small
 * client for its REST API. `restart()` stops the process (SIGTERM) and starts a new one on the same data folder.
 */
export class SandboxEngine {
	url = '';
	private process: EngineProcess | undefined;

	private constructor(readonly dataDir: string) {}

	static async start(): Promise<SandboxEngine> {
		const engine = new SandboxEngine(makeDataDir());
		await engine.launch();
		return engine;
	}

	private async launch(): Promise<void> {
		this.process = spawnEngine([
			'--sandbox',
			'--data-dir',
			this.dataDir,
			'--port',
			'0',
			'--api-key',
			SANDBOX_ADMIN_KEY,
			'--log-level',
			'error',
			'--reconnect-base-ms',
			'100',
			'--reconnect-max-ms',
			'1000',
		]);
		const [, url] = await this.process.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
		this.url = url;
	}

	async stop(): Promise<{ code: number | null }> {
		const running = this.process;
		this.process = undefined;
		if (!running) return { code: 0 };
		running.child.kill('SIGTERM');
		return running.exited;
	}

	async restart(): Promise<void> {
		const { code } = await this.stop();
		if (code !== 0) throw new Error(`engine exited with ${code}`);
		await this.launch();
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.dataDir, { recursive: true, force: true });
	}

	async api(method: string, path: string, body?: unknown): Promise<ApiResponse> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: { 'x-api-key': SANDBOX_ADMIN_KEY, ...(body !== undefined && { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	}

	/** Like api(), but fails the test with the engine's error when the status is not the expected one. */
	async ok(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<any> {
		const response = await this.api(method, path, body);
		if (!expected.includes(response.status)) {
			throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
		}
		return response.body;
	}

	/** Long-polls the session's event log for the first event of `type` after `after` that matches. */
	async waitForEvent(session: string, type: string, after: number, matches: (event: any) => boolean = () => true, timeoutMs = 20_000): Promise<any> {
		const deadline = Date.now() + timeoutMs;
		let cursor = after;
		while (Date.now() < deadline) {
			const wait = Math.max(1, Math.min(10, Math.ceil((deadline - Date.now()) / 1000)));
			const events: any[] = await this.ok('GET', `/api/sessions/${session}/events?after=${cursor}&type=${type}&wait=${wait}`);
			const found = events.find(matches);
			if (found) return found;
			if (events.length) cursor = events[events.length - 1].seq;
		}
		throw new Error(`no ${type} event for session ${session} after seq ${after} within ${timeoutMs} ms`);
	}

	/** The highest sequence number logged so far for the session (0 when none). */
	async lastSeq(session: string): Promise<number> {
		let cursor = 0;
		for (;;) {
			const events: any[] = await this.ok('GET', `/api/sessions/${session}/events?after=${cursor}&limit=1000`);
			if (events.length === 0) return cursor;
			cursor = events[events.length - 1].seq;
		}
	}

	/** Creates a session and links it to a simulated phone through its QR code. */
	async pairedSession(id: string, phone: string): Promise<{ jid: string; lid: string }> {
		await this.ok('POST', '/api/sessions', { id });
		const qr = await this.ok('GET', `/api/sessions/${id}/qr`);
		if (!String(qr.value).startsWith('https://wa.me/settings/linked_devices#')) throw new Error(`unexpected QR ${qr.value}`);
		const linked = await this.ok('POST', `/api/sandbox/sessions/${id}/scan`, { phone });
		await this.waitForEvent(id, 'session.connected', 0);
		return linked;
	}

	/** Waits until the simulated contact has received a message that matches. */
	async contactReceived(phone: string, matches: (message: any) => boolean, timeoutMs = 20_000): Promise<any> {
		const deadline = Date.now() + timeoutMs;
		let seen = 0;
		while (Date.now() < deadline) {
			const messages: any[] = await this.ok('GET', `/api/sandbox/contacts/${phone}/messages?wait=5&min=${seen + 1}`);
			const found = messages.find(matches);
			if (found) return found;
			seen = messages.length;
		}
		throw new Error(`contact ${phone} received no matching message within ${timeoutMs} ms`);
	}
}

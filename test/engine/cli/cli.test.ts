import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir } from '../../helpers/engine.js';
import { killStrayEngines, spawnEngine } from '../../helpers/process.js';

const offline = ['--wa-websocket-url', 'ws://127.0.0.1:9/ws/chat', '--reconnect-base-ms', '100', '--reconnect-max-ms', '500'];

describe('whatsapp-engine CLI', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = makeDataDir();
	});
	afterEach(() => {
		killStrayEngines();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('documents every option in --help', async () => {
		const engine = spawnEngine(['--help']);
		expect(await engine.exited).toEqual({ code: 0, signal: null });
		for (const option of ['--data-dir', '--host', '--port', '--api-key', '--log-level', '--print-qr', 'WA_ENGINE_API_KEY']) {
			expect(engine.stdout()).toContain(option);
		}
	});

	it('refuses invalid configuration with exit code 2 and says which setting', async () => {
		const badPort = spawnEngine(['--port', 'eighty']);
		expect((await badPort.exited).code).toBe(2);
		expect(badPort.stderr()).toContain('--port / WA_ENGINE_PORT');
		const unknown = spawnEngine(['--colour', 'red']);
		expect((await unknown.exited).code).toBe(2);
		expect(unknown.stderr()).toContain('--colour');
		const shortKey = spawnEngine([], { WA_ENGINE_API_KEY: 'short' });
		expect((await shortKey.exited).code).toBe(2);
		expect(shortKey.stderr()).toContain('at least 16');
	});

	it('starts, prints a generated key once, serves it, restores sessions after a restart and stops cleanly', async () => {
		const args = ['--data-dir', dataDir, '--port', '0', '--log-level', 'warn', ...offline];
		const first = spawnEngine(args);
		const [, url] = await first.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
		const [, adminKey] = await first.waitFor(/store it now\): (\S+)/);

		expect((await fetch(`${url}/health`)).status).toBe(200);
		const headers = { 'x-api-key': adminKey, 'content-type': 'application/json' };
		const created = await fetch(`${url}/api/sessions`, { method: 'POST', headers, body: JSON.stringify({ id: 'shop' }) });
		expect(created.status).toBe(201);
		const status = await fetch(`${url}/api/sessions/shop/status`, { headers });
		expect(status.status).toBe(200);
		expect((await status.json()).state).toMatch(/connecting|reconnecting/);
		const wrong = await fetch(`${url}/api/sessions/shop/status`, { headers: { 'x-api-key': 'not-the-key-at-all' } });
		expect(wrong.status).toBe(401);

		first.child.kill('SIGTERM');
		expect(await first.exited).toEqual({ code: 0, signal: null });
		// A clean close checkpoints the WAL into the main file and removes it.
		expect(existsSync(join(dataDir, 'engine.sqlite-wal'))).toBe(false);
		const db = new Database(join(dataDir, 'engine.sqlite'), { readonly: true });
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		db.close();

		const second = spawnEngine(args);
		const [, url2] = await second.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
		expect(second.stdout()).not.toContain('store it now');
		const restored = await fetch(`${url2}/api/sessions/shop/status`, { headers });
		expect(restored.status).toBe(200);
		// The session was connected when the engine stopped, so it is connecting again without being asked.
		expect((await restored.json()).state).toMatch(/connecting|reconnecting/);

		second.child.kill('SIGINT');
		expect(await second.exited).toEqual({ code: 0, signal: null });
	});

	it('prints the pairing QR code in the terminal with --print-qr', async () => {
		const engine = spawnEngine(['--sandbox', '--print-qr', '--data-dir', dataDir, '--port', '0', '--api-key', 'print-qr-admin-key-000', '--log-level', 'error']);
		const [, url] = await engine.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
		const created = await fetch(`${url}/api/sessions`, {
			method: 'POST',
			headers: { 'x-api-key': 'print-qr-admin-key-000', 'content-type': 'application/json' },
			body: JSON.stringify({ id: 'terminal' }),
		});
		expect(created.status).toBe(201);
		await engine.waitFor(/to link session "terminal":\n(?:[^\n]*[▀▄█][^\n]*\n){20}/);
		engine.child.kill('SIGTERM');
		expect(await engine.exited).toEqual({ code: 0, signal: null });
	});
});

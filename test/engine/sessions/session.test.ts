import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { AuthStore } from '../../../engine/src/store/auth-store.js';
import { ChatStore } from '../../../engine/src/store/chat-store.js';
import { openDatabase, type Db } from '../../../engine/src/store/db.js';
import { SessionRepository } from '../../../engine/src/store/session-repo.js';
import { Session } from '../../../engine/src/sessions/session.js';

/**
 * A WhatsApp endpoint that accepts the WebSocket and hangs up at once: every connection attempt fails, so the
 * session keeps retrying. The server counts connections and how many were open at the same time.
 */
async function flakyServer() {
	const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
	await new Promise((resolve) => server.once('listening', resolve));
	const stats = { connections: 0, open: 0, maxOpen: 0 };
	server.on('connection', (socket) => {
		stats.connections++;
		stats.open++;
		stats.maxOpen = Math.max(stats.maxOpen, stats.open);
		socket.on('close', () => stats.open--);
		socket.terminate();
	});
	const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/chat`;
	return { url, stats, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Counts the timers created from now on in this test file's context (the session's retry timer, Baileys'
 * keep-alive and connect timeouts) that are still pending. Counting process-wide handles instead would also
 * count what other test files in the same jest process left running.
 */
function trackTimers(): { pending: () => number; restore: () => void } {
	const real = { setTimeout, clearTimeout, setInterval, clearInterval };
	const pending = new Set<unknown>();
	globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
		const handle = real.setTimeout(() => {
			pending.delete(handle);
			fn(...args);
		}, ms);
		pending.add(handle);
		return handle;
	}) as typeof setTimeout;
	globalThis.setInterval = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
		const handle = real.setInterval(fn, ms, ...args);
		pending.add(handle);
		return handle;
	}) as typeof setInterval;
	const clear = (handle: unknown) => {
		pending.delete(handle);
	};
	globalThis.clearTimeout = ((handle: NodeJS.Timeout) => {
		clear(handle);
		real.clearTimeout(handle);
	}) as typeof clearTimeout;
	globalThis.clearInterval = ((handle: NodeJS.Timeout) => {
		clear(handle);
		real.clearInterval(handle);
	}) as typeof clearInterval;
	return { pending: () => pending.size, restore: () => Object.assign(globalThis, real) };
}

let db: Db;
let store: AuthStore;
/** Sessions and servers of the current test, stopped even when an assertion failed half-way. */
const cleanups: Array<() => Promise<unknown>> = [];
beforeEach(() => {
	db = openDatabase(':memory:');
	new SessionRepository(db).insert({ id: 's1', name: 's1', apiKeyHash: null, config: {} });
	store = new AuthStore(db);
});
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
	db.close();
});

describe('Session reconnects', () => {
	it('retries a failing connection, one socket at a time, and leaves no timer behind when stopped', async () => {
		const server = await flakyServer();
		const timers = trackTimers();
		const session = new Session({
			id: 's1',
			authStore: store,
			chatStore: new ChatStore(db),
			logger: pino({ level: 'silent' }),
			backoff: { baseMs: 10, maxMs: 80 },
			socketConfig: { waWebSocketUrl: server.url, connectTimeoutMs: 5_000 },
		});
		cleanups.push(server.close, () => session.stop(), async () => timers.restore());
		session.start();
		await session.until(() => (session.status.retry?.attempt ?? 0) >= 6, 20_000);

		expect(session.status).toMatchObject({ state: 'reconnecting', problem: { code: 'connection_error' } });
		expect(server.stats.connections).toBeGreaterThanOrEqual(5);
		expect(server.stats.maxOpen).toBe(1);

		await session.stop();
		expect(session.status.state).toBe('stopped');
		const attemptsAtStop = server.stats.connections;
		// No retry timer and no Baileys keep-alive may survive the stop.
		timers.restore();
		expect(timers.pending()).toBe(0);
		await server.close();
		expect(server.stats.connections).toBe(attemptsAtStop);
	});

	it('keeps the stored credentials across a disconnect and wipes them on logout', async () => {
		const server = await flakyServer();
		const session = new Session({
			id: 's1',
			authStore: store,
			chatStore: new ChatStore(db),
			logger: pino({ level: 'silent' }),
			backoff: { baseMs: 10, maxMs: 20 },
			socketConfig: { waWebSocketUrl: server.url },
		});
		cleanups.push(server.close, () => session.stop());
		store.writeCreds('s1', { me: { id: '4915100000001:3@s.whatsapp.net' }, marker: Buffer.from([1, 2, 3]) });
		store.writeKeys('s1', { session: { peer: Buffer.from('secret') } });
		session.start();
		await session.until(() => session.status.state === 'reconnecting', 10_000);
		await session.stop();
		expect(session.isPaired).toBe(true);
		expect(store.readKeys('s1', 'session', ['peer'])).toHaveProperty('peer');

		await session.logout();
		expect(session.status.state).toBe('logged_out');
		expect(session.isPaired).toBe(false);
		expect(store.readCreds('s1')).toBeUndefined();
		expect(store.readKeys('s1', 'session', ['peer'])).toEqual({});
		await server.close();
	});
});

import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { AuthStore } from '../../../engine/src/store/auth-store.js';
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
		socket.close();
	});
	const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/chat`;
	return { url, stats, close: () => new Promise((resolve) => server.close(resolve)) };
}

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

let db: Db;
let store: AuthStore;
beforeEach(() => {
	db = openDatabase(':memory:');
	new SessionRepository(db).insert({ id: 's1', name: 's1', apiKeyHash: null, config: {} });
	store = new AuthStore(db);
});
afterEach(() => db.close());

describe('Session reconnects', () => {
	it('retries a failing connection, one socket at a time, and leaves no timer behind when stopped', async () => {
		const server = await flakyServer();
		const baseline = timers();
		const session = new Session({
			id: 's1',
			authStore: store,
			logger: pino({ level: 'silent' }),
			backoff: { baseMs: 10, maxMs: 80 },
			socketConfig: { waWebSocketUrl: server.url, connectTimeoutMs: 5_000 },
		});
		session.start();
		await session.until(() => (session.status.retry?.attempt ?? 0) >= 6, 20_000);

		expect(session.status).toMatchObject({ state: 'reconnecting', problem: { code: 'connection_error' } });
		expect(server.stats.connections).toBeGreaterThanOrEqual(5);
		expect(server.stats.maxOpen).toBe(1);

		await session.stop();
		expect(session.status.state).toBe('stopped');
		const attemptsAtStop = server.stats.connections;
		// No retry timer and no Baileys keep-alive may survive the stop.
		expect(timers()).toBeLessThanOrEqual(baseline);
		await server.close();
		expect(server.stats.connections).toBe(attemptsAtStop);
	});

	it('keeps the stored credentials across a disconnect and wipes them on logout', async () => {
		const server = await flakyServer();
		const session = new Session({
			id: 's1',
			authStore: store,
			logger: pino({ level: 'silent' }),
			backoff: { baseMs: 10, maxMs: 20 },
			socketConfig: { waWebSocketUrl: server.url },
		});
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

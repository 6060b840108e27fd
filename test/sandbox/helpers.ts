import { makeWASocket, initAuthCreds, type AuthenticationState, type WASocket, type ConnectionState } from '@whiskeysockets/baileys';
import { pino } from 'pino';
import { endSocket, memoryKeyStore, WhatsAppSandbox } from '../../engine/src/sandbox/index.js';

// libsignal prints session bookkeeping with console.log; keep test output readable
const filter = (orig: (...a: unknown[]) => void) => (...args: unknown[]) => {
	const first = String(args[0] ?? '');
	if (/Closing session|Closing open session|Removing old closed session|Session already|Opening session|Migrating session|Decrypted message with closed session/.test(first)) return;
	orig(...args);
};
console.log = filter(console.log.bind(console));
console.info = filter(console.info.bind(console));

export const quiet = pino({ level: process.env.SANDBOX_LOG ?? 'silent' });

export const freshAuth = (): AuthenticationState => ({ creds: initAuthCreds(), keys: memoryKeyStore() });

export interface Client {
	sock: WASocket;
	auth: AuthenticationState;
	/** Resolves with the close status code. */
	closed: Promise<number | undefined>;
	updates: Partial<ConnectionState>[];
}

export const connect = (sandbox: WhatsAppSandbox, auth: AuthenticationState, extra: Record<string, unknown> = {}): Client => {
	const sock = makeWASocket({ ...sandbox.socketConfig(), auth, logger: quiet.child({ c: 'client' }) as never, ...extra });
	const updates: Partial<ConnectionState>[] = [];
	sock.ev.on('creds.update', u => Object.assign(auth.creds, u));
	const closed = new Promise<number | undefined>(resolve => {
		sock.ev.on('connection.update', u => {
			updates.push(u);
			if (u.connection === 'close') resolve((u.lastDisconnect?.error as { output?: { statusCode?: number } })?.output?.statusCode);
		});
	});
	return { sock, auth, closed, updates };
};

export const waitForEvent = <T>(sock: WASocket, event: string, pick: (data: any) => T | undefined, timeoutMs = 10_000): Promise<T> =>
	new Promise((resolve, reject) => {
		const ev = sock.ev as unknown as { on(e: string, f: (d: unknown) => void): void; off(e: string, f: (d: unknown) => void): void };
		const handler = (data: unknown): void => {
			const v = pick(data);
			if (v === undefined) return;
			clearTimeout(timer);
			ev.off(event, handler);
			resolve(v);
		};
		const timer = setTimeout(() => {
			ev.off(event, handler);
			reject(new Error(`timed out waiting for ${event}`));
		}, timeoutMs);
		ev.on(event, handler);
	});

export const waitOpen = (c: Client, timeoutMs = 10_000): Promise<void> =>
	c.updates.some(u => u.connection === 'open')
		? Promise.resolve()
		: waitForEvent(c.sock, 'connection.update', u => (u.connection === 'open' ? true : u.connection === 'close' ? Promise.reject(new Error('closed before open')) : undefined), timeoutMs).then(() => undefined);

export const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
	new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
		p.then(
			v => {
				clearTimeout(t);
				resolve(v);
			},
			e => {
				clearTimeout(t);
				reject(e);
			},
		);
	});

/** Linked-device login with saved creds, resolved when open. */
export const linkedClient = async (sandbox: WhatsAppSandbox, phone?: string, name?: string): Promise<Client & { jid: string; lid: string }> => {
	const { state, jid, lid } = await sandbox.provisionDevice(phone, name);
	const c = connect(sandbox, state);
	await waitOpen(c);
	return { ...c, jid, lid };
};

export const end = async (...clients: Client[]): Promise<void> => {
	for (const c of clients) {
		await endSocket(c.sock);
		await withTimeout(c.closed, 5000, 'close').catch(() => undefined);
	}
};

/**
 * Highest status seen for a message id. On loopback the delivery receipt can land in the same event-buffer window as
 * the sender's own upsert, in which case Baileys folds the status into the upsert instead of a messages.update.
 */
export const statusTracker = (sock: WASocket, id: string) => {
	let best = 0;
	const waiters: Array<() => void> = [];
	const bump = (s: unknown): void => {
		if (typeof s === 'number' && s > best) best = s;
		for (const w of waiters.splice(0)) w();
	};
	sock.ev.on('messages.upsert', ({ messages }) => messages.filter(m => m.key.id === id).forEach(m => bump(m.status)));
	sock.ev.on('messages.update', ups => ups.filter(u => u.key.id === id).forEach(u => bump(u.update.status)));
	const reached = (status: number, timeoutMs = 10_000): Promise<number> =>
		new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`status ${status} not reached (best ${best})`)), timeoutMs);
			const check = (): void => {
				if (best >= status) {
					clearTimeout(timer);
					resolve(best);
				} else waiters.push(check);
			};
			check();
		});
	return { reached, get best() { return best; } };
};

import type { WACallEvent, WAMessage, WASocket } from '@whiskeysockets/baileys';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { EngineEvent } from '../../engine/src/events/types.js';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { ADMIN_KEY, startPairedSandboxEngine, startTestEngine, type TestEngine } from '../helpers/engine.js';
import { Receiver } from '../events/receiver.js';

/**
 * The settings resource over real HTTP against a session paired with the sandbox: every setting is stored per
 * session, and what it promises is checked where it shows: the event log, the contact's device, a webhook
 * receiver, and a proxy the WhatsApp connection has to pass.
 */
const SESSION = 'prefs';
const SHOP = '4915200000041';
const DORA = '4917200000042';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let engine: TestEngine;
let dora: SimContact;

const settings = (path: string) => `/api/sessions/${SESSION}/settings/${path}`;
const put = async (path: string, body: unknown, status = 200) => {
	const res = await engine.call('PUT', settings(path), { body });
	if (res.status !== status) throw new Error(`PUT ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};
const sendText = async (text: string, extra: object = {}) => {
	const res = await engine.call('POST', `/api/sessions/${SESSION}/messages/text`, { body: { to: DORA, text, ...extra } });
	expect(res.status).toBe(201);
	return res.body as { id: string };
};
const logged = (check: (e: EngineEvent) => boolean) => engine.events.list({ after: 0, limit: 1_000_000 }).filter((e) => e.session === SESSION && check(e));
const sessionSocket = () => (engine.sessions as unknown as { live: Map<string, { socket?: WASocket }> }).live.get(SESSION)!.socket!;
/**
 * Resolves when the session's Baileys socket has reported a message with this text. The engine's own listener
 * runs first, so by then the message has been logged, or deliberately not.
 */
const reportedToSession = (text: string) =>
	new Promise<WAMessage>((resolve) => {
		const socket = sessionSocket();
		const listener = ({ messages }: { messages: WAMessage[] }) => {
			const hit = messages.find((m) => m.message?.conversation === text || m.message?.extendedTextMessage?.text === text);
			if (!hit) return;
			socket.ev.off('messages.upsert', listener);
			resolve(hit);
		};
		socket.ev.on('messages.upsert', listener);
	});
/** Waits on the contact's own logs (presences), woken by the contact itself. */
const waitOn = <T>(contact: SimContact, check: () => T | undefined, what: string): Promise<T> =>
	(contact as unknown as { waitFor<R>(c: () => R | undefined, t: number, w: string): Promise<R> }).waitFor(check, 15_000, what);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	dora = await engine.sandbox!.createContact({ phone: DORA, name: 'Dora' });
});
afterAll(async () => {
	await engine?.dispose();
});

describe('storage', () => {
	it('starts with the defaults, reads back what was set, and answers 404 / 400 for unknown sessions and bad input', async () => {
		expect((await engine.call('GET', settings('api-echo'))).body).toEqual({ enabled: true });
		for (const slug of ['skip-media-download', 'skip-groups', 'skip-newsletters', 'skip-broadcasts', 'skip-own-messages', 'auto-presence-unavailable']) {
			expect((await engine.call('GET', settings(slug))).body).toEqual({ enabled: false });
			expect(await put(slug, { enabled: true })).toEqual({ enabled: true });
			expect((await engine.call('GET', settings(slug))).body).toEqual({ enabled: true });
			expect(await put(slug, { enabled: false })).toEqual({ enabled: false });
		}
		expect((await engine.call('GET', settings('call-auto-reject'))).body).toEqual({ enabled: false, rejectType: 'declined' });
		expect((await engine.call('GET', settings('global-transports'))).body).toEqual({ skipGlobalWebhook: false });
		expect((await engine.call('GET', '/api/sessions/nobody/settings/skip-groups')).status).toBe(404);
		expect((await engine.call('PUT', '/api/sessions/nobody/settings/skip-groups', { body: { enabled: true } })).status).toBe(404);
		expect((await engine.call('PUT', settings('skip-groups'), { body: { enabled: 'yes' } })).status).toBe(400);
		expect((await engine.call('PUT', settings('skip-groups'), { body: {} })).status).toBe(400);
	});

	it('keeps the settings in SQLite across an engine restart', async () => {
		const first = await startTestEngine();
		await first.call('POST', '/api/sessions', { body: { id: 'kept', start: false } });
		await first.call('PUT', '/api/sessions/kept/settings/skip-groups', { body: { enabled: true } });
		await first.call('PUT', '/api/sessions/kept/settings/call-auto-reject', { body: { enabled: true, rejectMessage: 'Please write instead.' } });
		await first.stop();
		const second = await startTestEngine({ dataDir: first.dataDir });
		try {
			expect((await second.call('GET', '/api/sessions/kept/settings/skip-groups')).body).toEqual({ enabled: true });
			expect((await second.call('GET', '/api/sessions/kept/settings/call-auto-reject')).body).toEqual({ enabled: true, rejectMessage: 'Please write instead.', rejectType: 'declined' });
		} finally {
			await second.dispose();
		}
	});
});

describe('API echo', () => {
	it('logs API sends as message.sent (fromApi) when on, not when off, and a send\'s own echo option wins', async () => {
		const echoed = await sendText('echo default');
		expect(logged((e) => e.type === 'message.sent' && e.data.id === echoed.id)[0]?.data).toMatchObject({ fromApi: true, text: 'echo default' });

		await put('api-echo', { enabled: false });
		const quiet = await sendText('echo off');
		const forced = await sendText('echo forced', { echo: true });
		await put('api-echo', { enabled: true });
		const suppressed = await sendText('echo suppressed', { echo: false });
		// The echo is logged before the send answers, so its absence is final here; the contact got all of them.
		for (const { id } of [quiet, forced, suppressed]) await dora.waitForMessage((m) => m.id === id);
		expect(logged((e) => e.type === 'message.sent' && e.data.id === quiet.id)).toEqual([]);
		expect(logged((e) => e.type === 'message.sent' && e.data.id === forced.id)).toHaveLength(1);
		expect(logged((e) => e.type === 'message.sent' && e.data.id === suppressed.id)).toEqual([]);
	});
});

describe('skips', () => {
	it('skipGroups drops group events before the log; 1:1 chats still come, and turning it off brings them back', async () => {
		const group = (await dora.createGroup('Skipped team', [SHOP])).id;
		await engine.waitForEvent((e) => e.session === SESSION && e.type === 'group.joined' && e.chat?.id === group);
		await put('skip-groups', { enabled: true });
		const dropped = reportedToSession('group chatter');
		await dora.sendText(group, 'group chatter');
		const message = await dropped;
		expect(message.key.remoteJid).toBe(group);
		expect(logged((e) => e.chat?.id === group && e.type === 'message.received')).toEqual([]);
		const { id } = await dora.sendText(SHOP, 'direct still works');
		await engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.received' && e.data.id === id);

		await put('skip-groups', { enabled: false });
		const { id: again } = await dora.sendText(group, 'group again');
		await engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.received' && e.data.id === again && e.chat?.id === group);
	});

	it('skipOwnMessages drops what the phone sends, while API sends (echo) and receipts still come', async () => {
		const phone = engine.sandbox!.contact(SHOP)!;
		const mirrored = reportedToSession('from the phone, seen');
		await phone.sendText(DORA, 'from the phone, seen');
		const seen = await mirrored;
		expect(logged((e) => e.type === 'message.sent' && e.data.id === seen.key.id)[0]?.data).toMatchObject({ fromMe: true, text: 'from the phone, seen' });
		expect(logged((e) => e.type === 'message.sent' && e.data.id === seen.key.id)[0]?.data.fromApi).toBeUndefined();

		await put('skip-own-messages', { enabled: true });
		const skipped = reportedToSession('from the phone, skipped');
		await phone.sendText(DORA, 'from the phone, skipped');
		const own = await skipped;
		expect(own.key.fromMe).toBe(true);
		expect(logged((e) => e.data.id === own.key.id)).toEqual([]);
		const api = await sendText('from the API while skipping');
		expect(logged((e) => e.type === 'message.sent' && e.data.id === api.id)).toHaveLength(1);
		await dora.markRead([await dora.waitForMessage((m) => m.id === api.id)]);
		await engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.receipt' && e.data.id === api.id && e.data.status === 'read');
		await put('skip-own-messages', { enabled: false });
	});

	it('skipMediaDownload marks received media so the trigger leaves it', async () => {
		await put('skip-media-download', { enabled: true });
		const { id } = await dora.sendImage(SHOP, PNG, { caption: 'leave me' });
		const event = await engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.received' && e.data.id === id);
		expect(event.data.media).toMatchObject({ mimetype: 'image/png', skipDownload: true });
		await put('skip-media-download', { enabled: false });
		const { id: plain } = await dora.sendImage(SHOP, PNG, { caption: 'take me' });
		const normal = await engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.received' && e.data.id === plain);
		expect(normal.data.media).not.toHaveProperty('skipDownload');
	});
});

describe('call auto-reject', () => {
	it('refuses reject types a linked device cannot give', async () => {
		for (const rejectType of ['busy', 'unavailable']) {
			const res = await engine.call('PUT', settings('call-auto-reject'), { body: { enabled: true, rejectType } });
			expect(res.status).toBe(422);
			expect(res.body.error.code).toBe('not_supported');
		}
		expect((await engine.call('GET', settings('call-auto-reject'))).body.enabled).toBe(false);
	});

	it('declines a ringing call, and the caller sees the rejection and gets the message', async () => {
		expect(await put('call-auto-reject', { enabled: true, rejectMessage: 'Busy right now, please write.', rejectType: 'declined' })).toEqual({
			enabled: true,
			rejectMessage: 'Busy right now, please write.',
			rejectType: 'declined',
		});
		const rejected = new Promise<WACallEvent>((resolve) => dora.socket.ev.on('call', (calls) => calls.forEach((c) => c.status === 'reject' && resolve(c))));
		const call = await engine.call('POST', `/api/sandbox/contacts/${DORA}/calls`, { body: { to: SHOP } });
		expect(call.status).toBe(201);
		const { callId } = call.body as { callId: string };
		const offer = await engine.waitForEvent((e) => e.session === SESSION && e.type === 'call.offer' && e.data.callId === callId);
		expect(offer.sender?.phone).toBe(DORA);
		expect((await rejected).id).toBe(callId);
		const note = await dora.waitForMessage((m) => m.text === 'Busy right now, please write.');
		expect(note.fromPhone).toBe(SHOP);
		await put('call-auto-reject', { enabled: false });
	});
});

describe('auto presence unavailable', () => {
	it('goes unavailable after connecting and after each send, so a subscriber sees the account offline', async () => {
		const phone = engine.sandbox!.contact(SHOP)!;
		await dora.socket.presenceSubscribe(`${SHOP}@s.whatsapp.net`);
		const fromShop = (presence: string, after: number) => () => dora.presences().slice(after).find((p) => p.presence === presence && (p.chat.startsWith(SHOP) || p.participant.startsWith(SHOP)));
		let mark = dora.presences().length;
		await phone.sendPresence('available');
		await waitOn(dora, fromShop('available', mark), 'available');

		await put('auto-presence-unavailable', { enabled: true });
		mark = dora.presences().length;
		const reconnected = engine.events.next((e) => e.session === SESSION && e.type === 'session.connected', 20_000);
		expect((await engine.call('POST', `/api/sessions/${SESSION}/reconnect`)).status).toBe(200);
		expect(await reconnected).toBeDefined();
		await waitOn(dora, fromShop('unavailable', mark), 'unavailable after connect');

		mark = dora.presences().length;
		await phone.sendPresence('available');
		await waitOn(dora, fromShop('available', mark), 'available again');
		mark = dora.presences().length;
		await sendText('and offline again');
		await waitOn(dora, fromShop('unavailable', mark), 'unavailable after a send');
		await put('auto-presence-unavailable', { enabled: false });
	});
});

describe('global transport skips', () => {
	let receiver: Receiver;
	beforeAll(async () => {
		receiver = await new Receiver().start();
	});
	afterAll(async () => {
		await receiver.stop();
	});

	it('refuses transports the engine does not have', async () => {
		for (const flag of ['skipGlobalRabbitMQ', 'skipGlobalSQS', 'skipGlobalRedis', 'skipGlobalWebSocket', 'skipGlobalS3']) {
			const res = await engine.call('PUT', settings('global-transports'), { body: { [flag]: true } });
			expect(res.status).toBe(422);
		}
		expect((await engine.call('GET', settings('global-transports'))).body).toEqual({ skipGlobalWebhook: false });
	});

	it("skipGlobalWebhook keeps the session's events out of all-session subscriptions, not out of its own", async () => {
		const global = (await engine.call('POST', '/api/webhooks', { body: { url: `${receiver.url}?global`, events: ['message.received', 'session.qr'] } })).body;
		const own = (await engine.call('POST', '/api/webhooks', { body: { url: `${receiver.url}?own`, session: SESSION, events: ['message.received'] } })).body;
		const to = (webhook: string, check: (event: EngineEvent) => boolean) => receiver.requests.some((r) => r.headers['x-wa-webhook-id'] === webhook && check(r.body));

		const { id: before } = await dora.sendText(SHOP, 'to everyone');
		await receiver.waitFor(() => to(global.id, (e) => e.data.id === before) && to(own.id, (e) => e.data.id === before));

		expect(await put('global-transports', { skipGlobalWebhook: true })).toEqual({ skipGlobalWebhook: true });
		const { id: after } = await dora.sendText(SHOP, 'only to my own subscription');
		await receiver.waitFor(() => to(own.id, (e) => e.data.id === after));
		// Another session's QR code is logged after the skipped message; the all-session subscription delivers in
		// log order, so once it has that, it has passed the message without delivering it.
		await engine.call('POST', '/api/sessions', { body: { id: 'other' } });
		await receiver.waitFor(() => to(global.id, (e) => e.type === 'session.qr' && e.session === 'other'));
		expect(to(global.id, (e) => e.data.id === after)).toBe(false);
		await engine.call('DELETE', '/api/sessions/other');
		await put('global-transports', { skipGlobalWebhook: false });
	});
});

describe('proxy', () => {
	let proxy: Server;
	const tunnels: string[] = [];
	const sockets = new Set<Duplex>();
	beforeAll(async () => {
		// A minimal HTTP CONNECT proxy that records where each tunnel goes.
		proxy = createServer();
		proxy.on('connect', (req, client, head) => {
			tunnels.push(req.url ?? '');
			const [host, port] = (req.url ?? '').split(':');
			const upstream = connect(Number(port), host, () => {
				sockets.add(upstream).add(client);
				client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
				upstream.write(head);
				upstream.pipe(client);
				client.pipe(upstream);
			});
			upstream.on('error', () => client.destroy());
			client.on('error', () => upstream.destroy());
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => proxy.close(() => resolve()));
	});

	it('validates the URL and needs one to turn the proxy on', async () => {
		expect((await engine.call('PUT', settings('proxy'), { body: { enable: true, proxyUrl: 'ftp://127.0.0.1:21' } })).status).toBe(400);
		expect((await engine.call('PUT', settings('proxy'), { body: { enable: true } })).status).toBe(400);
	});

	it('carries the WhatsApp connection and media uploads from the next connect on, and stops when turned off', async () => {
		const proxyUrl = `http://user:secret@127.0.0.1:${(proxy.address() as AddressInfo).port}`;
		expect(await put('proxy', { enable: true, proxyUrl })).toEqual({ enabled: true, proxyUrl: `http://user:***@127.0.0.1:${(proxy.address() as AddressInfo).port}/`, appliesOnReconnect: true });
		// Not before the next connect.
		expect(tunnels).toEqual([]);
		const ws = new URL(engine.sandbox!.wsUrl).host;
		const reconnected = engine.events.next((e) => e.session === SESSION && e.type === 'session.connected', 20_000);
		await engine.call('POST', `/api/sessions/${SESSION}/reconnect`);
		expect(await reconnected).toBeDefined();
		expect(tunnels).toContain(ws);

		const image = await engine.call('POST', `/api/sessions/${SESSION}/messages/image`, { body: { to: DORA, image: { base64: PNG.toString('base64'), mimetype: 'image/png' }, caption: 'via proxy' } });
		expect(image.status).toBe(201);
		const received = await dora.waitForMessage((m) => m.id === image.body.id);
		expect(received.media?.data.equals(PNG)).toBe(true);
		const uploads = tunnels.filter((t) => t !== ws).length;
		expect(uploads).toBeGreaterThan(0);
		const { id: incoming } = await dora.sendImage(SHOP, PNG, { caption: 'download me via proxy' });
		await engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.received' && e.data.id === incoming);
		const download = await fetch(`${engine.url}/api/sessions/${SESSION}/messages/${incoming}/media?chat=${DORA}`, { headers: { 'x-api-key': ADMIN_KEY } });
		expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
		expect(tunnels.filter((t) => t !== ws).length).toBeGreaterThan(uploads);

		expect(await put('proxy', { enable: false })).toMatchObject({ enabled: false });
		const count = tunnels.length;
		const direct = engine.events.next((e) => e.session === SESSION && e.type === 'session.connected', 20_000);
		await engine.call('POST', `/api/sessions/${SESSION}/reconnect`);
		expect(await direct).toBeDefined();
		await sendText('direct again');
		expect(tunnels).toHaveLength(count);
	});
});

describe('socks5 proxy', () => {
	let proxy: TcpServer;
	const tunnels: string[] = [];
	const credentials: string[] = [];
	const sockets = new Set<Socket>();
	beforeAll(async () => {
		// A minimal SOCKS5 server (RFC 1928, username/password per RFC 1929) that records where each tunnel goes.
		proxy = createTcpServer((client) => {
			sockets.add(client);
			client.on('error', () => client.destroy());
			let stage: 'greeting' | 'auth' | 'request' = 'greeting';
			const onData = (data: Buffer) => {
				if (stage === 'greeting') {
					const methods = [...data.subarray(2, 2 + data[1]!)];
					const method = methods.includes(2) ? 2 : 0;
					stage = method === 2 ? 'auth' : 'request';
					client.write(Buffer.from([5, method]));
				} else if (stage === 'auth') {
					const userLength = data[1]!;
					const user = data.subarray(2, 2 + userLength).toString();
					const password = data.subarray(3 + userLength, 3 + userLength + data[2 + userLength]!).toString();
					credentials.push(`${user}:${password}`);
					stage = 'request';
					client.write(Buffer.from([1, 0]));
				} else {
					client.off('data', onData);
					const type = data[3];
					let host: string;
					let rest: Buffer;
					if (type === 1) (host = [...data.subarray(4, 8)].join('.')), (rest = data.subarray(8));
					else (host = data.subarray(5, 5 + data[4]!).toString()), (rest = data.subarray(5 + data[4]!));
					const port = rest.readUInt16BE(0);
					tunnels.push(`${host}:${port}`);
					const upstream = connect(port, host, () => {
						sockets.add(upstream);
						client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
						upstream.pipe(client);
						client.pipe(upstream);
					});
					upstream.on('error', () => client.destroy());
				}
			};
			client.on('data', onData);
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => proxy.close(() => resolve()));
	});

	it('carries the WhatsApp connection through a socks5 proxy with a username and password', async () => {
		const port = (proxy.address() as AddressInfo).port;
		expect(await put('proxy', { enable: true, proxyUrl: `socks5://shop:s3cret@127.0.0.1:${port}` })).toMatchObject({ enabled: true, appliesOnReconnect: true });
		const ws = new URL(engine.sandbox!.wsUrl);
		const reconnected = engine.events.next((e) => e.session === SESSION && e.type === 'session.connected', 20_000);
		await engine.call('POST', `/api/sessions/${SESSION}/reconnect`);
		expect(await reconnected).toBeDefined();
		expect(tunnels).toContain(`${ws.hostname}:${ws.port}`);
		expect(credentials).toContain('shop:s3cret');
		// Messages flow over the proxied connection.
		const sent = await sendText('through socks');
		expect((await dora.waitForMessage((m) => m.id === sent.id)).text).toBe('through socks');
		expect(await put('proxy', { enable: false })).toMatchObject({ enabled: false });
	});
});

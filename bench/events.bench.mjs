// Events through the durable log to a local webhook receiver, against an in-memory fan-out baseline measured in
// the same run: sustained events/s, and end-to-end latency (append → receiver has the body) at 100 events/s.
//
//   npm run build --workspace engine && node bench/events.bench.mjs [--events 20000] [--rate-events 1000]
//
// The durable path: EventLog.append (SQLite commit) → dispatcher wakes → reads the log from the subscription's
// cursor → signed POST → 2xx → cursor committed. The baseline: an array queue → the same signed POST, no SQLite.
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { configSchema } from '../engine/dist/config.js';
import { startEngine } from '../engine/dist/engine.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '20000' }, 'rate-events': { type: 'string', default: '1000' } } });
const TOTAL = Number(values.events);
const RATE_EVENTS = Number(values['rate-events']);
const KEY = 'bench-admin-key-0123456789';

/** A receiver that notes when each event arrived (by the id's number) and answers 204. */
async function startReceiver() {
	const arrivals = new Map();
	let onArrival = () => {};
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const now = performance.now();
			const body = JSON.parse(Buffer.concat(chunks).toString());
			if (!arrivals.has(body.id)) arrivals.set(body.id, { at: now, sentAt: body.data.sentAt });
			res.writeHead(204).end();
			onArrival();
		});
	});
	server.keepAliveTimeout = 60_000;
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${server.address().port}/hook`,
		arrivals,
		reset: () => arrivals.clear(),
		until: (n) => new Promise((resolve) => { const check = () => { if (arrivals.size >= n) resolve(); }; onArrival = check; check(); }),
		close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
	};
}

/** The baseline: in-memory queue, one signed POST at a time (same ordering guarantee), nothing persisted. */
function memoryFanOut(url, secret) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const queue = [];
	let busy = false;
	const post = (body) => new Promise((resolve, reject) => {
		const timestamp = String(Math.floor(Date.now() / 1000));
		const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
		const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wa-timestamp': timestamp, 'x-wa-signature': signature } }, (res) => { res.resume(); res.on('end', resolve); });
		req.on('error', reject);
		req.end(body);
	});
	const pump = async () => {
		if (busy) return;
		busy = true;
		while (queue.length) {
			const body = JSON.stringify(queue.shift());
			// Like the dispatcher: a failed attempt (e.g. a reused keep-alive socket reset) is tried again.
			for (let attempt = 1; ; attempt++) {
				try {
					await post(body);
					break;
				} catch (error) {
					failures++;
					if (attempt >= 10) throw error;
				}
			}
		}
		busy = false;
	};
	let seq = 0;
	let failures = 0;
	return {
		failures: () => failures,
		append: (event) => { queue.push({ ...event, seq: ++seq, version: 1 }); void pump(); },
		close: () => agent.destroy(),
	};
}

const makeEvent = (run, n) => ({ id: `evt_${run}_${n}`, type: 'message.received', session: 'bench', timestamp: Date.now(), chat: { id: '15550001111@s.whatsapp.net', phone: '15550001111' }, data: { id: `M${n}`, fromMe: false, type: 'text', text: `message number ${n}`, sentAt: performance.now() } });

async function sustained(append, receiver, run) {
	receiver.reset();
	const start = performance.now();
	for (let n = 0; n < TOTAL; n++) {
		append(makeEvent(run, n));
		if (n % 500 === 499) await new Promise((r) => setImmediate(r));
	}
	await receiver.until(TOTAL);
	const seconds = (performance.now() - start) / 1000;
	return TOTAL / seconds;
}

async function paced(append, receiver, run) {
	receiver.reset();
	await new Promise((resolve) => {
		let n = 0;
		const timer = setInterval(() => {
			append(makeEvent(run, n++));
			if (n === RATE_EVENTS) { clearInterval(timer); resolve(); }
		}, 10);
	});
	await receiver.until(RATE_EVENTS);
	const latencies = [...receiver.arrivals.values()].map((a) => a.at - a.sentAt).sort((a, b) => a - b);
	const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
	return { p50: pct(50), p99: pct(99), max: latencies.at(-1) };
}

const dataDir = mkdtempSync(join(tmpdir(), 'wa-events-bench-'));
const engine = await startEngine(configSchema.parse({ dataDir, host: '127.0.0.1', port: 0, apiKey: KEY, logLevel: 'silent', printQr: false, sandbox: false, bodyLimit: '1mb', reconnectBaseMs: 1000, reconnectMaxMs: 60000, waWebSocketUrl: 'ws://127.0.0.1:9/ws/chat' }));
const receiverDurable = await startReceiver();
const receiverMemory = await startReceiver();
try {
	const call = (method, path, body) => fetch(`${engine.url}${path}`, { method, headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: body && JSON.stringify(body) }).then((r) => r.json());
	await call('POST', '/api/sessions', { id: 'bench', start: false });
	const hook = await call('POST', '/api/webhooks', { url: receiverDurable.url, session: 'bench' });
	const durable = (event) => engine.events.append(event);
	const memory = memoryFanOut(receiverMemory.url, hook.secret);

	// Warm-up (JIT, keep-alive sockets, SQLite pages).
	await sustained(durable, receiverDurable, 'warm-d');
	await sustained(memory.append, receiverMemory, 'warm-m');

	const durableRate = await sustained(durable, receiverDurable, 'd');
	const memoryRate = await sustained(memory.append, receiverMemory, 'm');
	const durableLatency = await paced(durable, receiverDurable, 'dl');
	const memoryLatency = await paced(memory.append, receiverMemory, 'ml');
	memory.close();
	const stats = await call('GET', `/api/webhooks/${hook.id}/stats`);

	const f = (x) => x.toFixed(2).padStart(8);
	console.log(`events bench: ${TOTAL} events sustained, ${RATE_EVENTS} events paced at 100/s, one webhook, receiver on 127.0.0.1 (Node ${process.version})`);
	console.log('');
	console.log('                                   durable log + webhook   in-memory fan-out   ratio');
	console.log(`sustained throughput (events/s)    ${durableRate.toFixed(0).padStart(21)}   ${memoryRate.toFixed(0).padStart(17)}   ${(durableRate / memoryRate).toFixed(2)}x   (target >= 1000/s)`);
	console.log(`latency at 100/s p50 (ms)          ${f(durableLatency.p50).padStart(21)}   ${f(memoryLatency.p50).padStart(17)}   ${(durableLatency.p50 / memoryLatency.p50).toFixed(2)}x`);
	console.log(`latency at 100/s p99 (ms)          ${f(durableLatency.p99).padStart(21)}   ${f(memoryLatency.p99).padStart(17)}   ${(durableLatency.p99 / memoryLatency.p99).toFixed(2)}x   (target < 50 ms)`);
	console.log(`latency at 100/s max (ms)          ${f(durableLatency.max).padStart(21)}   ${f(memoryLatency.max).padStart(17)}`);
	console.log('');
	console.log(`webhook stats: delivered=${stats.delivered} failedAttempts=${stats.failedAttempts} deadLetters=${stats.deadLetters} behind=${stats.behind}; baseline failed attempts=${memory.failures()}`);
	console.log(`durable: ${durableRate >= 1000 ? 'PASS' : 'FAIL'} throughput, ${durableLatency.p99 < 50 ? 'PASS' : 'FAIL'} p99 latency`);
} finally {
	await engine.stop();
	await receiverDurable.close();
	await receiverMemory.close();
	rmSync(dataDir, { recursive: true, force: true });
}

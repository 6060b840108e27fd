import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEngine, type EngineProcess } from '../helpers/process.js';
import { Receiver } from './receiver.js';

/**
 * The engine as a real child process (built CLI, sandbox inside), killed with SIGKILL while a webhook delivery
 * is in flight, then started again on the same data folder: delivery resumes from the persisted cursor and every
 * event arrives. Events are real WhatsApp messages: a sandbox contact writes to a paired session.
 */
const KEY = 'sigkill-admin-key-0123456789';
const env = { WA_ENGINE_WEBHOOK_RETRY_BASE_MS: '10', WA_ENGINE_WEBHOOK_RETRY_MAX_MS: '100', WA_ENGINE_WEBHOOK_MAX_ATTEMPTS: '100000', WA_ENGINE_LOG_LEVEL: 'silent' };
const MESSAGES = 10;

async function start(dataDir: string): Promise<{ proc: EngineProcess; url: string }> {
	const proc = spawnEngine(['--sandbox', '--data-dir', dataDir, '--port', '0', '--api-key', KEY], env);
	const [, url] = await proc.waitFor(/listening on (http:\/\/[^\s]+)/, 30_000);
	return { proc, url };
}

const api = (url: string) => async (method: string, path: string, body?: unknown) => {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: { 'x-api-key': KEY, ...(body !== undefined && { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

it('resumes delivery after SIGKILL mid-delivery and loses nothing', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'wa-sigkill-'));
	const receiver = await new Receiver().start();
	const procs: EngineProcess[] = [];
	try {
		const first = await start(dataDir);
		procs.push(first.proc);
		const call = api(first.url);
		expect((await call('POST', '/api/sessions', { id: 'k', start: true })).status).toBe(201);
		const qr = await call('GET', '/api/sessions/k/qr?wait=20');
		expect(qr.status).toBe(200);
		expect((await call('POST', '/api/sandbox/sessions/k/scan', { phone: '15550005555' })).status).toBe(200);
		const connected = await call('GET', '/api/sessions/k/events?type=session.connected&wait=20');
		expect(connected.body).toHaveLength(1);

		const hook = await call('POST', '/api/webhooks', { url: receiver.url, session: 'k', events: ['message.received'] });
		expect(hook.status).toBe(200);
		// The 4th delivery never gets an answer: the engine is killed while it is in flight.
		let hung: string | undefined;
		receiver.answer = (request) => {
			if (receiver.requests.length === 4 && !hung) {
				hung = request.body.id;
				return 'hang';
			}
			return 200;
		};
		expect((await call('POST', '/api/sandbox/contacts', { phone: '15550006666', name: 'Sender' })).status).toBe(201);
		for (let n = 1; n <= MESSAGES; n++) {
			expect((await call('POST', '/api/sandbox/contacts/15550006666/messages', { to: '15550005555', text: `message ${n}` })).status).toBe(201);
		}
		// All ten are in the durable log (long polling: each call returns as soon as something new is logged).
		let logged: any[] = [];
		while (logged.length < MESSAGES) {
			const page = await call('GET', `/api/sessions/k/events?type=message.received&after=${logged.at(-1)?.seq ?? connected.body[0].seq}&wait=20`);
			expect(page.body.length).toBeGreaterThan(0);
			logged = [...logged, ...page.body];
		}
		expect(logged.map((e) => e.data.text)).toEqual(Array.from({ length: MESSAGES }, (_, i) => `message ${i + 1}`));

		await receiver.waitFor((r) => r.length === 4);
		first.proc.child.kill('SIGKILL');
		expect(await first.proc.exited).toEqual({ code: null, signal: 'SIGKILL' });
		const beforeRestart = receiver.requests.length;
		expect(beforeRestart).toBe(4);

		const second = await start(dataDir);
		procs.push(second.proc);
		await receiver.waitFor((r) => new Set(r.map((x) => x.body.id)).size === MESSAGES);

		const ids = receiver.events().map((e) => e.id);
		expect([...new Set(ids)]).toEqual(logged.map((e) => e.id));
		// The delivery cut off by the kill is sent again after the restart (at least once), nothing else is lost.
		expect(ids.filter((id) => id === hung)).toHaveLength(2);
		expect(ids.slice(beforeRestart)[0]).toBe(hung);
		const stats = await api(second.url)('GET', `/api/webhooks/${hook.body.id}/stats`);
		// The cursor passed the last message; events logged after the restart (the session reconnecting) may be past it too.
		expect(stats.body.cursor).toBeGreaterThanOrEqual(logged.at(-1).seq);
		expect(stats.body.deadLetters).toBe(0);
	} finally {
		for (const proc of procs) {
			if (proc.child.exitCode === null && proc.child.signalCode === null) {
				proc.child.kill('SIGTERM');
				await proc.exited;
			}
		}
		await receiver.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});

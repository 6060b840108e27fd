import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PACKAGE_DIR } from './cli';
import { readWorkflowFile, serve } from './serve';

/**
 * `npm run demo`: the engine in sandbox mode on a throw-away data folder, a session linked by a simulated phone,
 * the auto-reply example served by the runner, and a simulated contact chatting with it. `--keep` leaves it all
 * running to play with.
 */
const SESSION = 'demo';
const SHOP = '4915100000001';
const CONTACT = { phone: '4917000000002', name: 'Alice' };
const LINES = ['Hi! Are you open on Saturday?', 'Do you have the blue one in size M?'];

const started = Date.now();
const keep = process.argv.includes('--keep');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
	process.env.N8N_LOG_LEVEL ??= 'silent';
	const dataDir = mkdtempSync(path.join(tmpdir(), 'wa-demo-'));
	process.env.N8N_USER_FOLDER ??= dataDir;
	const apiKey = `demo-${randomBytes(12).toString('hex')}`;
	const engine = spawn(
		process.execPath,
		[path.join(PACKAGE_DIR, 'engine/dist/cli.js'), '--sandbox', '--data-dir', dataDir, '--port', '0', '--api-key', apiKey, '--log-level', 'error'],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	// The engine's own log lines would interleave with the conversation: shown only when it fails to start.
	let engineLog = '';
	engine.stderr.on('data', (chunk: Buffer) => (engineLog += chunk.toString()));
	const stopEngine = async () => {
		if (engine.exitCode === null) {
			engine.kill('SIGTERM');
			await new Promise((resolve) => engine.once('exit', resolve));
		}
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		const url = await new Promise<string>((resolve, reject) => {
			let out = '';
			engine.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				const match = /listening on (http:\/\/\S+)/.exec(out);
				if (match) resolve(match[1]);
			});
			engine.once('exit', (code) => reject(new Error(`the engine exited (${code}) before it was ready; did you run "npm run setup"?\n${engineLog}`)));
		});
		const api = async (method: string, route: string, body?: unknown) => {
			const response = await fetch(`${url}${route}`, {
				method,
				headers: { 'x-api-key': apiKey, ...(body !== undefined && { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const payload = (await response.json()) as any;
			if (!response.ok) throw new Error(`${method} ${route}: ${JSON.stringify(payload)}`);
			return payload;
		};
		say(`Engine (sandbox) on ${url}`);

		await api('POST', '/api/sessions', { id: SESSION });
		await api('POST', `/api/sandbox/sessions/${SESSION}/scan`, { phone: SHOP });
		await api('GET', `/api/sessions/${SESSION}/events?type=session.connected&wait=20`);
		say(`Session "${SESSION}" linked to the simulated phone +${SHOP}`);
		await api('POST', '/api/sandbox/contacts', CONTACT);

		const server = await serve({
			workflows: [{ source: 'auto-reply.json', workflow: readWorkflowFile(path.join(PACKAGE_DIR, 'examples/auto-reply.json')) }],
			packageDirs: [PACKAGE_DIR],
			credentials: { whatsAppEngineApi: { baseUrl: url, apiKey, defaultSession: SESSION } },
		});
		await server.ready;
		say('Serving examples/auto-reply.json\n');

		for (const [index, text] of LINES.entries()) {
			const sent = await api('POST', `/api/sandbox/contacts/${CONTACT.phone}/messages`, { to: SHOP, text });
			say(`${CONTACT.name} → Shop: ${text}`);
			const received: Array<{ quotedId?: string; text?: string }> = await api('GET', `/api/sandbox/contacts/${CONTACT.phone}/messages?wait=20&min=${index + 1}`);
			const reply = received.find((message) => message.quotedId === sent.id);
			if (!reply) throw new Error(`no reply to "${text}" within 20 s`);
			say(`Shop → ${CONTACT.name}: ${reply.text}`);
		}
		say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

		if (keep) {
			say(`\nStill running (Ctrl+C stops). Write as ${CONTACT.name}:`);
			say(
				`  curl -X POST ${url}/api/sandbox/contacts/${CONTACT.phone}/messages -H "X-Api-Key: ${apiKey}" -H "Content-Type: application/json" -d '{"to":"${SHOP}","text":"Hello"}'`,
			);
			say(`  curl "${url}/api/sandbox/contacts/${CONTACT.phone}/messages?wait=5" -H "X-Api-Key: ${apiKey}"`);
			await new Promise<void>((resolve) => {
				process.once('SIGINT', resolve);
				process.once('SIGTERM', resolve);
			});
		}
		await server.close();
	} finally {
		await stopEngine();
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`demo failed: ${error.message}\n`);
		process.exit(1);
	},
);

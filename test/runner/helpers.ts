import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import type { ServedRun } from '../../runner/dist/index.js';
import { ADMIN_KEY, type TestEngine } from '../helpers/engine.js';
import { PACKAGE_DIR } from '../nodes/helpers.js';

export { PACKAGE_DIR };
export const EXAMPLES = resolve(PACKAGE_DIR, 'examples');
export const FIXTURES = resolve(PACKAGE_DIR, 'test/runner/fixtures');
export const RUNNER_CLI = resolve(PACKAGE_DIR, 'runner/dist/cli.js');

/** The engine credential the way a workflow's nodes get it, with `session` as the default session. */
export const engineCredentials = (engine: TestEngine, session: string) => ({
	whatsAppEngineApi: { baseUrl: engine.url, apiKey: ADMIN_KEY, defaultSession: session },
});

/** The same credential as the CLI takes it from the environment. */
export const engineEnv = (engine: TestEngine, session: string) => ({ WA_ENGINE_URL: engine.url, WA_ENGINE_API_KEY: ADMIN_KEY, WA_ENGINE_SESSION: session });

/** Collects what `serve` reports and lets a test wait for a run. */
export class RunLog {
	readonly runs: ServedRun[] = [];
	private readonly waiters = new Set<() => void>();

	readonly record = (run: ServedRun) => {
		this.runs.push(run);
		for (const waiter of [...this.waiters]) waiter();
	};

	waitFor(matches: (run: ServedRun) => boolean, timeoutMs = 20_000): Promise<ServedRun> {
		return new Promise((resolveRun, reject) => {
			const check = () => {
				const found = this.runs.find(matches);
				if (!found) return;
				cleanup();
				resolveRun(found);
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error(`no matching run within ${timeoutMs} ms; runs: ${JSON.stringify(this.runs.map(({ result: _r, ...run }) => run))}`));
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				this.waiters.delete(check);
			};
			this.waiters.add(check);
			check();
		});
	}
}

export interface RunnerProcess {
	child: ChildProcessWithoutNullStreams;
	stdout(): string;
	stderr(): string;
	/** Resolves with the first match of `pattern` in stdout; fails when the process exits first. */
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a built node script (the runner CLI by default) as a real child process. */
export function spawnNode(script: string, args: string[], env: Record<string, string> = {}): RunnerProcess {
	const child = spawn(process.execPath, [script, ...args], { cwd: PACKAGE_DIR, env: { ...process.env, N8N_LOG_LEVEL: 'silent', ...env }, stdio: 'pipe' });
	let out = '';
	let err = '';
	const listeners = new Set<() => void>();
	const wake = () => {
		for (const listener of [...listeners]) listener();
	};
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
		wake();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		err += chunk.toString();
	});
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
		child.on('exit', (code, signal) => {
			done({ code, signal });
			wake();
		});
	});
	const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
		new Promise<RegExpMatchArray>((resolveMatch, reject) => {
			const check = () => {
				const match = out.match(pattern);
				if (match) {
					cleanup();
					resolveMatch(match);
				} else if (child.exitCode !== null || child.signalCode !== null) {
					cleanup();
					reject(new Error(`process exited before printing ${pattern}\nstdout:\n${out}\nstderr:\n${err}`));
				}
			};
			const timer = setTimeout(() => {
				cleanup();
				reject(new Error(`process did not print ${pattern} within ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`));
			}, timeoutMs);
			const cleanup = () => {
				clearTimeout(timer);
				listeners.delete(check);
			};
			listeners.add(check);
			check();
		});
	return { child, stdout: () => out, stderr: () => err, waitFor, exited };
}

export const spawnRunner = (args: string[], env: Record<string, string> = {}) => spawnNode(RUNNER_CLI, args, env);

import { resolve } from 'node:path';
import type { ServedRun } from '../../runner/dist/index.js';
import { ADMIN_KEY, type TestEngine } from '../helpers/engine.js';
import { spawnNode as spawnProcess, type NodeProcess } from '../helpers/process.js';
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

/** Runs a built node script (the runner CLI, the demo) as a real child process from the package folder. */
export const spawnNode = (script: string, args: string[], env: Record<string, string> = {}): NodeProcess =>
	spawnProcess(script, args, { N8N_LOG_LEVEL: 'silent', ...env }, PACKAGE_DIR);

export const spawnRunner = (args: string[], env: Record<string, string> = {}) => spawnNode(RUNNER_CLI, args, env);

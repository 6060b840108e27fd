import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve(process.cwd(), 'engine/dist/cli.js');

/** A child process running a built Node script, with its output so far. */
export interface NodeProcess {
	child: ChildProcessWithoutNullStreams;
	stdout(): string;
	stderr(): string;
	/** Resolves with the first match of `pattern` in stdout. */
	waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** Kills engines a failed test left running, so one failure does not keep jest (and ports) busy. */
export function killStrayEngines(): void {
	for (const child of running) child.kill('SIGKILL');
	running.clear();
}

export type EngineProcess = NodeProcess;

/** Runs the built engine CLI as a real child process. */
export function spawnEngine(args: string[], env: Record<string, string> = {}): EngineProcess {
	return spawnNode(CLI, args, env);
}

/** Runs a built Node script as a real child process; `killStrayEngines` kills it if a test leaves it running. */
export function spawnNode(script: string, args: string[], env: Record<string, string> = {}, cwd?: string): NodeProcess {
	const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
	running.add(child);
	child.on('exit', () => running.delete(child));
	let out = '';
	let err = '';
	const listeners = new Set<() => void>();
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
		for (const listener of [...listeners]) listener();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		err += chunk.toString();
	});
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
		child.on('exit', (code, signal) => {
			done({ code, signal });
			for (const listener of [...listeners]) listener();
		});
	});
	const waitFor = (pattern: RegExp, timeoutMs = 20_000) =>
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

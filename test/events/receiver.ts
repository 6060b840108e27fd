import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	headers: IncomingHttpHeaders;
	raw: string;
	body: any;
}

/** How the receiver answers one request: a status, or `hang` (never answer). */
export type Answer = number | 'hang';

/**
 * A real HTTP webhook receiver on 127.0.0.1: records every request, answers as `answer` decides, and can be
 * taken down (port closed: connection refused) and brought back on the same port.
 */
export class Receiver {
	readonly requests: Received[] = [];
	answer: (request: Received) => Answer = () => 200;
	private server?: Server;
	private readonly waiters = new Set<() => void>();
	private readonly hanging = new Set<ServerResponse>();
	port = 0;

	get url(): string {
		return `http://127.0.0.1:${this.port}/hook`;
	}

	async start(): Promise<this> {
		const server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				let body: unknown = raw;
				try {
					body = JSON.parse(raw);
				} catch {
					// keep the text
				}
				const request = { headers: req.headers, raw, body };
				this.requests.push(request);
				const answer = this.answer(request);
				if (answer === 'hang') this.hanging.add(res);
				else res.writeHead(answer).end();
				for (const waiter of [...this.waiters]) waiter();
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, '127.0.0.1', () => resolve());
		});
		this.port = (server.address() as AddressInfo).port;
		this.server = server;
		return this;
	}

	/** Closes the port: deliveries now fail with connection refused. */
	async stop(): Promise<void> {
		const server = this.server;
		this.server = undefined;
		if (!server) return;
		for (const res of this.hanging) res.destroy();
		this.hanging.clear();
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/** Resolves once `done(requests)` holds, re-checking on every request. */
	waitFor(done: (requests: Received[]) => boolean, what = 'the expected requests'): Promise<void> {
		return new Promise((resolve, reject) => {
			const check = () => {
				let ok = false;
				try {
					ok = done(this.requests);
				} catch (error) {
					this.waiters.delete(check);
					reject(error);
					return;
				}
				if (ok) {
					this.waiters.delete(check);
					resolve();
				}
			};
			this.waiters.add(check);
			check();
			void what;
		});
	}

	/** Event bodies received, in arrival order. */
	events(): any[] {
		return this.requests.map((r) => r.body);
	}
}

import type { Agent } from 'node:http';
import type { SecureContextOptions } from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { ProxyAgent, Socks5ProxyAgent, type Dispatcher } from 'undici';

/** The proxy kinds a session can use: HTTP(S) proxies that tunnel with CONNECT, and SOCKS5. */
export const proxyProtocols = ['http:', 'https:', 'socks5:', 'socks5h:'] as const;

/**
 * One session's way out through a proxy: `agent` carries the WhatsApp websocket and media uploads (Node http),
 * `dispatcher` media downloads (fetch). `ca` keeps the certificate authorities the engine trusts for media
 * servers (the sandbox has its own) when the connection is tunnelled; SOCKS downloads trust the system CAs only.
 */
export interface SessionProxy {
	agent: Agent;
	dispatcher: Dispatcher;
	close(): Promise<void>;
}

type Ca = SecureContextOptions['ca'];
type ConnectArgs = Parameters<HttpsProxyAgent<string>['connect']>;

/** The proxy agents' own options configure the connection to the proxy; these add `ca` to the tunnelled TLS. */
class HttpTunnel extends HttpsProxyAgent<string> {
	constructor(
		proxy: URL,
		private readonly ca: Ca,
	) {
		super(proxy);
	}

	override connect(req: ConnectArgs[0], opts: ConnectArgs[1]) {
		return super.connect(req, opts.secureEndpoint && this.ca ? { ...opts, ca: this.ca } : opts);
	}
}

class SocksTunnel extends SocksProxyAgent {
	constructor(
		proxy: URL,
		private readonly ca: Ca,
	) {
		super(proxy);
	}

	override connect(req: ConnectArgs[0], opts: ConnectArgs[1]) {
		return super.connect(req, opts.secureEndpoint && this.ca ? { ...opts, ca: this.ca } : opts);
	}
}

export function createProxy(url: string, ca?: Ca): SessionProxy {
	const parsed = new URL(url);
	if (parsed.protocol === 'socks5:' || parsed.protocol === 'socks5h:') {
		const agent = new SocksTunnel(parsed, ca);
		const dispatcher = new Socks5ProxyAgent(`socks5://${parsed.host}`, {
			...(parsed.username && { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) }),
		});
		return { agent, dispatcher, close: () => close(agent, dispatcher) };
	}
	const agent = new HttpTunnel(parsed, ca);
	const dispatcher = new ProxyAgent({ uri: parsed.href, requestTls: ca ? { ca } : {} });
	return { agent, dispatcher, close: () => close(agent, dispatcher) };
}

async function close(agent: Agent, dispatcher: Dispatcher): Promise<void> {
	agent.destroy();
	await dispatcher.close();
}

/** The URL with its password hidden, for answers and logs. */
export function redactProxyUrl(url: string): string {
	const parsed = new URL(url);
	if (parsed.password) parsed.password = '***';
	return parsed.href;
}

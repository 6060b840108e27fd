import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { Agent as HttpsAgent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { BinaryNode } from '@whiskeysockets/baileys';
import forge from 'node-forge';
import type { Logger } from 'pino';
import { Agent as UndiciAgent } from 'undici';
import type { SandboxServer } from './server.js';

/** A throw-away CA and a 127.0.0.1/localhost leaf it signs, generated in pure JS at start-up. */
// node's native RSA keygen is ~100x faster than forge's pure-JS one
const rsaKeys = (): forge.pki.rsa.KeyPair => {
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const priv = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
	return { privateKey: priv, publicKey: forge.pki.setRsaPublicKey(priv.n, priv.e) };
};

const makeCertificates = (host: string): { caPem: string; certPem: string; keyPem: string } => {
	const pki = forge.pki;
	const now = new Date();
	const later = new Date(now.getTime() + 365 * 86400_000);
	const caKeys = rsaKeys();
	const ca = pki.createCertificate();
	ca.publicKey = caKeys.publicKey;
	ca.serialNumber = '01' + randomBytes(8).toString('hex');
	ca.validity.notBefore = new Date(now.getTime() - 3600_000);
	ca.validity.notAfter = later;
	const caName = [{ name: 'commonName', value: 'WhatsApp Sandbox Media CA' }];
	ca.setSubject(caName);
	ca.setIssuer(caName);
	ca.setExtensions([
		{ name: 'basicConstraints', cA: true, critical: true },
		{ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
	]);
	ca.sign(caKeys.privateKey, forge.md.sha256.create());
	const leafKeys = rsaKeys();
	const leaf = pki.createCertificate();
	leaf.publicKey = leafKeys.publicKey;
	leaf.serialNumber = '02' + randomBytes(8).toString('hex');
	leaf.validity.notBefore = ca.validity.notBefore;
	leaf.validity.notAfter = later;
	leaf.setSubject([{ name: 'commonName', value: host }]);
	leaf.setIssuer(caName);
	const altNames: Array<{ type: number; ip?: string; value?: string }> = [
		{ type: 7, ip: '127.0.0.1' },
		{ type: 2, value: 'localhost' },
	];
	if (host !== '127.0.0.1' && host !== 'localhost') altNames.push(/^[0-9.]+$/.test(host) ? { type: 7, ip: host } : { type: 2, value: host });
	leaf.setExtensions([
		{ name: 'basicConstraints', cA: false },
		{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
		{ name: 'extKeyUsage', serverAuth: true },
		{ name: 'subjectAltName', altNames },
	]);
	leaf.sign(caKeys.privateKey, forge.md.sha256.create());
	return { caPem: pki.certificateToPem(ca), certPem: pki.certificateToPem(leaf), keyPem: pki.privateKeyToPem(leafKeys.privateKey) };
};

/**
 * HTTPS blob store standing in for mmg.whatsapp.net: uploads to /mms/<type>/<hash> return {url, direct_path};
 * downloads are served by path with Range support. Bytes are opaque (already encrypted by the client).
 */
export class MediaServer {
	private server?: Server;
	private readonly blobs = new Map<string, Buffer>();
	readonly auth = randomBytes(16).toString('base64url');
	caPem = '';
	host = '127.0.0.1';
	port = 0;
	readonly agent: HttpsAgent;
	readonly dispatcher: UndiciAgent;
	private readonly certs: { caPem: string; certPem: string; keyPem: string };

	constructor(
		private readonly logger: Logger,
		host: string,
	) {
		this.host = host;
		this.certs = makeCertificates(host);
		this.caPem = this.certs.caPem;
		this.agent = new HttpsAgent({ ca: this.caPem, keepAlive: false });
		this.dispatcher = new UndiciAgent({ connect: { ca: this.caPem }, keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
	}

	get hostPort(): string {
		return `${this.host}:${this.port}`;
	}

	async listen(port = 0): Promise<void> {
		this.server = createServer({ cert: this.certs.certPem, key: this.certs.keyPem }, (req, res) => {
			const url = new URL(req.url ?? '/', `https://${this.hostPort}`);
			if (req.method === 'POST' && url.pathname.startsWith('/mms/')) {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					const body = Buffer.concat(chunks);
					const hash = createHash('sha256').update(body).digest('base64url');
					const directPath = `/v/t62.7118-24/${hash}.enc?ccb=11-4&oh=sandbox&_nc_sid=${randomBytes(3).toString('hex')}`;
					this.blobs.set(directPath.split('?')[0]!, body);
					this.logger.debug({ path: url.pathname, bytes: body.length }, 'media upload');
					res.writeHead(200, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ url: `https://${this.hostPort}${directPath}`, direct_path: directPath }));
				});
				return;
			}
			const blob = this.blobs.get(url.pathname);
			if (req.method !== 'GET' || !blob) {
				res.writeHead(404).end();
				return;
			}
			const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range ?? '');
			if (range && (range[1] || range[2])) {
				const start = range[1] ? Number(range[1]) : 0;
				const end = Math.min(range[2] ? Number(range[2]) : blob.length - 1, blob.length - 1);
				res.writeHead(206, {
					'content-range': `bytes ${start}-${end}/${blob.length}`,
					'content-length': String(end - start + 1),
					'content-type': 'application/octet-stream',
				});
				res.end(blob.subarray(start, end + 1));
				return;
			}
			res.writeHead(200, { 'content-length': String(blob.length), 'content-type': 'application/octet-stream' });
			res.end(blob);
		});
		this.server.keepAliveTimeout = 100;
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, this.host, () => resolve());
		});
		this.port = (this.server.address() as AddressInfo).port;
	}

	/** Stores bytes directly (app-state snapshots and the like) and returns the direct path. */
	put(data: Buffer): string {
		const directPath = `/v/t62.sandbox/${createHash('sha256').update(data).digest('base64url')}.enc`;
		this.blobs.set(directPath, data);
		return directPath;
	}

	async close(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()));
		await this.dispatcher.close();
		this.agent.destroy();
	}

	register(server: SandboxServer): void {
		server.onIq('w:m', (): BinaryNode => ({
			tag: 'media_conn',
			attrs: { auth: this.auth, ttl: '3600', auth_ttl: '3600', max_buckets: '12' },
			content: [{ tag: 'host', attrs: { hostname: this.hostPort, maxContentLengthBytes: String(100 * 1024 * 1024) } }],
		}));
	}
}

import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { HttpError, badRequest } from '../../lib/errors.js';

/**
 * Fetches media the user named by URL, without letting a request reach into the engine's own network: only
 * http/https, every address the host resolves to must be public (unless private addresses are allowed), the
 * connection goes to exactly the addresses that were checked (no second DNS answer can sneak in), redirects are
 * checked the same way, and the size and the time are bounded.
 */
export interface FetchMediaOptions {
	maxBytes: number;
	allowPrivate: boolean;
	/** Whole request, redirects included (default 30 s). */
	timeoutMs?: number;
	maxRedirects?: number;
	/** For tests: resolve host names differently. */
	resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
}

export interface FetchedMedia {
	data: Buffer;
	mimetype?: string;
	fileName?: string;
}

const blocked = new BlockList();
for (const [net, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4],
] as const) {
	blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
	['::', 128],
	['::1', 128],
	['fc00::', 7],
	['fe80::', 10],
	['fec0::', 10],
	['ff00::', 8],
	['2001:db8::', 32],
	['64:ff9b::', 96],
	['100::', 64],
] as const) {
	blocked.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address is private, loopback, link-local, multicast or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 4) return blocked.check(address, 'ipv4');
	if (family !== 6) return true;
	const lower = address.toLowerCase();
	// IPv4-mapped (::ffff:10.0.0.1) and IPv4-compatible forms are judged by their IPv4 address.
	const mapped = lower.match(/^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/) ?? lower.match(/^::(\d+\.\d+\.\d+\.\d+)$/);
	if (mapped) return blocked.check(mapped[1], 'ipv4');
	const hexMapped = lower.match(/^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
	if (hexMapped) {
		const hi = parseInt(hexMapped[1], 16);
		const lo = parseInt(hexMapped[2], 16);
		return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
	}
	return blocked.check(address, 'ipv6');
}

const refused = (message: string) => new HttpError(422, 'media_url_refused', message);
const failed = (message: string) => new HttpError(422, 'media_url_failed', message);
export const tooLarge = (maxBytes: number) => new HttpError(413, 'media_too_large', `The media is larger than this engine accepts (${maxBytes} bytes).`);

async function vettedAddresses(host: string, options: FetchMediaOptions): Promise<Array<{ address: string; family: number }>> {
	const bare = host.replace(/^\[|\]$/g, '');
	let addresses: Array<{ address: string; family: number }>;
	if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
	else {
		try {
			addresses = await (options.resolve ?? ((h: string) => dnsLookup(h, { all: true, verbatim: true })))(bare);
		} catch {
			throw failed(`The media URL's host "${bare}" could not be resolved.`);
		}
	}
	if (addresses.length === 0) throw failed(`The media URL's host "${bare}" has no address.`);
	if (!options.allowPrivate) {
		const bad = addresses.find((a) => isPrivateAddress(a.address));
		if (bad) {
			throw refused(
				`The media URL's host "${bare}" resolves to a private or local address (${bad.address}); the engine only fetches public URLs unless started with --allow-private-media-urls.`,
			);
		}
	}
	return addresses;
}

function fileNameOf(url: URL, disposition: string | undefined): string | undefined {
	const fromHeader = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)?.[1];
	if (fromHeader) {
		try {
			return decodeURIComponent(fromHeader).slice(0, 255);
		} catch {
			return fromHeader.slice(0, 255);
		}
	}
	const last = url.pathname.split('/').filter(Boolean).pop();
	if (!last) return undefined;
	try {
		return decodeURIComponent(last).slice(0, 255);
	} catch {
		return last.slice(0, 255);
	}
}

/** GETs `input` under the rules above; every failure is an HttpError (400 bad URL, 413 too large, 422 refused/failed, 504 timeout). */
export async function fetchMediaUrl(input: string, options: FetchMediaOptions): Promise<FetchedMedia> {
	const deadline = Date.now() + (options.timeoutMs ?? 30_000);
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		throw badRequest(`"${input.slice(0, 200)}" is not a valid URL.`);
	}
	for (let redirects = 0; ; redirects++) {
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest(`Media URLs must use http or https, not ${url.protocol.replace(':', '')}.`);
		if (url.username || url.password) throw badRequest('Media URLs must not contain credentials.');
		const addresses = await vettedAddresses(url.hostname, options);
		const response = await request(url, addresses, deadline, options.maxBytes);
		if (response.redirect) {
			if (redirects >= (options.maxRedirects ?? 3)) throw failed('The media URL redirected too many times.');
			url = new URL(response.redirect, url);
			continue;
		}
		return { data: response.data!, mimetype: response.mimetype, fileName: fileNameOf(url, response.disposition) };
	}
}

interface RawResponse {
	redirect?: string;
	data?: Buffer;
	mimetype?: string;
	disposition?: string;
}

function request(url: URL, addresses: Array<{ address: string; family: number }>, deadline: number, maxBytes: number): Promise<RawResponse> {
	// The socket connects to an address checked above, whatever DNS says by then.
	const pinned: LookupFunction = (_host, opts, callback) => {
		const all = (opts as { all?: boolean }).all;
		if (all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, addresses);
		else callback(null, addresses[0].address, addresses[0].family);
	};
	const client = url.protocol === 'https:' ? https : http;
	return new Promise<RawResponse>((resolve, reject) => {
		let settled = false;
		const finish = (error: Error | undefined, value?: RawResponse) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (error) {
				req.destroy();
				reject(error);
			} else resolve(value!);
		};
		const remaining = Math.max(1, deadline - Date.now());
		const timer = setTimeout(() => finish(new HttpError(504, 'media_url_timeout', `Fetching the media URL took longer than allowed.`)), remaining);
		const req = client.get(url, { lookup: pinned, headers: { 'user-agent': 'whatsapp-engine', accept: '*/*' } }, (res: IncomingMessage) => {
			const status = res.statusCode ?? 0;
			if (status >= 300 && status < 400 && res.headers.location) {
				res.resume();
				finish(undefined, { redirect: res.headers.location });
				return;
			}
			if (status < 200 || status >= 300) {
				res.resume();
				finish(failed(`The media URL answered with HTTP ${status}.`));
				return;
			}
			const declared = Number(res.headers['content-length']);
			if (Number.isFinite(declared) && declared > maxBytes) {
				res.destroy();
				finish(tooLarge(maxBytes));
				return;
			}
			const chunks: Buffer[] = [];
			let size = 0;
			res.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > maxBytes) {
					res.destroy();
					finish(tooLarge(maxBytes));
					return;
				}
				chunks.push(chunk);
			});
			res.on('end', () => {
				const data = Buffer.concat(chunks);
				if (data.length === 0) finish(failed('The media URL returned an empty file.'));
				else {
					const type = res.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
					finish(undefined, {
						data,
						...(type && /^[\w.+-]+\/[\w.+-]+$/.test(type) && type !== 'application/octet-stream' && { mimetype: type }),
						disposition: res.headers['content-disposition'],
					});
				}
			});
			res.on('error', (error) => finish(failed(`Reading the media URL failed: ${error.message}`)));
		});
		req.on('error', (error) => finish(failed(`Fetching the media URL failed: ${error.message}`)));
	});
}

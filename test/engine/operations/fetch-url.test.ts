import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchMediaUrl, isPrivateAddress } from '../../../engine/src/operations/media/fetch-url.js';

/** The media URL fetcher against a real local HTTP server. */
let server: Server;
let base: string;
let hang: Array<() => void> = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.url === '/small') {
			res.writeHead(200, { 'content-type': 'image/png', 'content-disposition': 'attachment; filename="pic.png"' });
			res.end(Buffer.from('0123456789'));
		} else if (req.url === '/big-declared') {
			res.writeHead(200, { 'content-length': '1000' });
			res.end(Buffer.alloc(1000));
		} else if (req.url === '/big-chunked') {
			res.writeHead(200);
			for (let i = 0; i < 10; i++) res.write(Buffer.alloc(100));
			res.end();
		} else if (req.url === '/redirect') {
			res.writeHead(302, { location: '/small' });
			res.end();
		} else if (req.url === '/hang') {
			res.writeHead(200);
			res.write('x');
			hang.push(() => res.end());
		} else {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	for (const end of hang) end();
	hang = [];
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const allowed = { maxBytes: 500, allowPrivate: true };

describe('isPrivateAddress', () => {
	it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1'])('%s is private', (address) => {
		expect(isPrivateAddress(address)).toBe(true);
	});
	it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
		expect(isPrivateAddress(address)).toBe(false);
	});
});

describe('fetchMediaUrl', () => {
	it('downloads a file with its type and name', async () => {
		const file = await fetchMediaUrl(`${base}/small`, allowed);
		expect(file.data.toString()).toBe('0123456789');
		expect(file).toMatchObject({ mimetype: 'image/png', fileName: 'pic.png' });
	});

	it('refuses a loopback address unless private addresses are allowed', async () => {
		await expect(fetchMediaUrl(`${base}/small`, { maxBytes: 500, allowPrivate: false })).rejects.toMatchObject({ status: 422, code: 'media_url_refused' });
	});

	it('refuses a host name when any of its addresses is private, and never connects to it', async () => {
		const resolve = async () => [
			{ address: '93.184.216.34', family: 4 },
			{ address: '127.0.0.1', family: 4 },
		];
		await expect(fetchMediaUrl(`http://files.example.test:${new URL(base).port}/small`, { maxBytes: 500, allowPrivate: false, resolve })).rejects.toMatchObject({ status: 422 });
	});

	it('connects to the address it checked, whatever the host name', async () => {
		const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
		const file = await fetchMediaUrl(`http://files.example.test:${new URL(base).port}/small`, { ...allowed, resolve });
		expect(file.data.toString()).toBe('0123456789');
	});

	it('checks redirect targets too', async () => {
		const followed = await fetchMediaUrl(`${base}/redirect`, allowed);
		expect(followed.data.toString()).toBe('0123456789');
		await expect(fetchMediaUrl(`${base}/redirect`, { ...allowed, maxRedirects: 0 })).rejects.toMatchObject({ status: 422 });
	});

	it('stops at the size limit, declared or streamed (413)', async () => {
		await expect(fetchMediaUrl(`${base}/big-declared`, allowed)).rejects.toMatchObject({ status: 413, code: 'media_too_large' });
		await expect(fetchMediaUrl(`${base}/big-chunked`, allowed)).rejects.toMatchObject({ status: 413, code: 'media_too_large' });
	});

	it('gives up after the timeout (504)', async () => {
		await expect(fetchMediaUrl(`${base}/hang`, { ...allowed, timeoutMs: 200 })).rejects.toMatchObject({ status: 504, code: 'media_url_timeout' });
	});

	it('refuses other schemes and malformed URLs (400), and reports HTTP errors (422)', async () => {
		await expect(fetchMediaUrl('file:///etc/passwd', allowed)).rejects.toMatchObject({ status: 400 });
		await expect(fetchMediaUrl('not a url', allowed)).rejects.toMatchObject({ status: 400 });
		await expect(fetchMediaUrl(`${base}/missing`, allowed)).rejects.toMatchObject({ status: 422, code: 'media_url_failed' });
	});
});

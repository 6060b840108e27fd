import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Contact } from '@whiskeysockets/baileys';
import { Jimp } from 'jimp';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { decodeAccount, readState } from '../../engine/src/sandbox/persistence.js';
import { ADMIN_KEY, startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * The profile operations over real HTTP against the sandbox, each checked from the other side: a simulated contact
 * reads the new about text, downloads the new picture, and sees the new push name on the next message.
 */
const SESSION = 'me';
const SHOP = '4915500000001';
const ALICE = '4917500000002';
const SHOP_JID = `${SHOP}@s.whatsapp.net`;

let engine: TestEngine;
let alice: SimContact;
let files: Server;
let filesUrl: string;
let landscape: Buffer;

const base = `/api/sessions/${SESSION}`;
const call = (method: string, path: string, body?: unknown) => engine.call(method, `${base}${path}`, { body });
const ok = async (method: string, path: string, body?: unknown) => {
	const res = await call(method, path, body);
	if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};
/** The next picture change Alice's WhatsApp client reports for the shop (a `picture` notification). */
const aliceSeesPicture = (): Promise<string> =>
	new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('Alice saw no picture change of the shop')), 15_000);
		const listener = (updates: Partial<Contact>[]) => {
			const hit = updates.find((u) => u.id === SHOP_JID && u.imgUrl);
			if (!hit) return;
			clearTimeout(timer);
			alice.socket.ev.off('contacts.update', listener);
			resolve(hit.imgUrl!);
		};
		alice.socket.ev.on('contacts.update', listener);
	});
/** The shop's picture as Alice downloads it from WhatsApp's media host. */
const pictureAliceGets = async (): Promise<{ bytes: Buffer; width: number; height: number; pixel: number }> => {
	const url = await alice.socket.profilePictureUrl(SHOP_JID, 'image');
	const response = await fetch(url!, engine.sandbox!.mediaDownloadOptions().options as RequestInit);
	const bytes = Buffer.from(await response.arrayBuffer());
	const image = await Jimp.read(bytes);
	return { bytes, width: image.width, height: image.height, pixel: image.getPixelColor(320, 320) };
};
/** Red, green, blue of a Jimp RGBA pixel. */
const rgb = (pixel: number) => [(pixel >>> 24) & 0xff, (pixel >>> 16) & 0xff, (pixel >>> 8) & 0xff];

beforeAll(async () => {
	landscape = await new Jimp({ width: 900, height: 600, color: 0xdd2222ff }).getBuffer('image/png');
	const square = await new Jimp({ width: 300, height: 300, color: 0x22aa22ff }).getBuffer('image/jpeg');
	files = createServer((req, res) => {
		if (req.url === '/green.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(square);
		else res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
	filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
	engine = await startPairedSandboxEngine(SESSION, SHOP, { bodyLimit: '5mb', allowPrivateMediaUrls: true });
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
});

afterAll(async () => {
	await engine?.dispose();
	await new Promise((resolve) => files?.close(resolve));
});

describe('profile: about', () => {
	it('setAbout: contacts read the new text; getAbout answers it with its time', async () => {
		expect(await ok('PUT', '/profile/about', { about: 'Open Mon–Sat, 8–18 🥐' })).toEqual({ ok: true, about: 'Open Mon–Sat, 8–18 🥐' });
		const [seen] = (await alice.socket.fetchStatus(SHOP_JID)) ?? [];
		expect((seen?.status as { status: string }).status).toBe('Open Mon–Sat, 8–18 🥐');

		const own = await ok('GET', '/profile/about');
		expect(own.about).toBe('Open Mon–Sat, 8–18 🥐');
		expect(own.setAt).toBeGreaterThan(Date.now() - 120_000);
	});

	it('setAbout refuses text longer than WhatsApp allows', async () => {
		const res = await call('PUT', '/profile/about', { about: 'x'.repeat(140) });
		expect(res.status).toBe(400);
	});
});

describe('profile: picture', () => {
	it('setProfilePicture from base64: contacts are notified and download a 640×640 JPEG of it', async () => {
		const notified = aliceSeesPicture();
		expect(await ok('PUT', '/profile/picture', { image: { base64: landscape.toString('base64') } })).toEqual({ ok: true });
		expect(await notified).toBe('changed');
		const picture = await pictureAliceGets();
		expect(picture.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		expect([picture.width, picture.height]).toEqual([640, 640]);
		const [r, g, b] = rgb(picture.pixel);
		expect(r).toBeGreaterThan(180);
		expect(g + b).toBeLessThan(150);
	});

	it('setProfilePicture from a URL replaces it', async () => {
		const notified = aliceSeesPicture();
		await ok('PUT', '/profile/picture', { image: { url: `${filesUrl}/green.jpg` } });
		await notified;
		const [r, g] = rgb((await pictureAliceGets()).pixel);
		expect(g).toBeGreaterThan(130);
		expect(r).toBeLessThan(100);
	});

	it('setProfilePicture from a multipart file part named image', async () => {
		const notified = aliceSeesPicture();
		const form = new FormData();
		form.append('image', new Blob([new Uint8Array(landscape)], { type: 'image/png' }), 'shop.png');
		const res = await fetch(`${engine.url}${base}/profile/picture`, { method: 'PUT', headers: { 'x-api-key': ADMIN_KEY }, body: form });
		expect(res.status).toBe(200);
		await notified;
		expect(rgb((await pictureAliceGets()).pixel)[0]).toBeGreaterThan(180);
	});

	it('the about text and the picture are kept in the saved sandbox world', async () => {
		await engine.sandbox!.save();
		const state = await readState(join(engine.dataDir, 'sandbox-state.json'));
		const shop = decodeAccount(state!.accounts.find((account) => account.phone === SHOP)!);
		expect(shop.status).toBe('Open Mon–Sat, 8–18 🥐');
		expect(shop.statusSetAt).toBeGreaterThan(0);
		expect((await Jimp.read(shop.picture!.image)).width).toBe(640);
		expect((await Jimp.read(shop.picture!.preview)).width).toBe(96);
	});

	it('setProfilePicture refuses what is not an image', async () => {
		const pdf = await call('PUT', '/profile/picture', { image: { base64: Buffer.from('%PDF-1.4').toString('base64'), mimetype: 'application/pdf' } });
		expect(pdf.status).toBe(400);
		const garbage = await call('PUT', '/profile/picture', { image: { base64: Buffer.from('not an image at all').toString('base64') } });
		expect(garbage.status).toBe(422);
		expect(garbage.body.error.code).toBe('invalid_image');
	});

	it('removeProfilePicture: contacts are notified and find no picture any more', async () => {
		const notified = aliceSeesPicture();
		expect(await ok('DELETE', '/profile/picture')).toEqual({ ok: true });
		expect(await notified).toBe('removed');
		await expect(alice.socket.profilePictureUrl(SHOP_JID, 'image')).rejects.toMatchObject({ data: 404 });
		expect((await call('GET', `/contacts/${SHOP}/picture`)).status).toBe(404);
	});
});

describe('profile: push name', () => {
	it('setPushName: the next message a contact receives carries the new name', async () => {
		expect(await ok('PUT', '/profile/name', { name: 'Bakery Brandt' })).toEqual({ ok: true, name: 'Bakery Brandt' });
		const sent = await engine.call('POST', `${base}/messages/text`, { body: { to: ALICE, text: 'Fresh bread is ready' } });
		const got = await alice.waitForMessage((m) => m.id === sent.body.id, 15_000);
		expect(got.raw.pushName).toBe('Bakery Brandt');
	});

	it('setPushName refuses names longer than 25 characters', async () => {
		expect((await call('PUT', '/profile/name', { name: 'x'.repeat(26) })).status).toBe(400);
	});
});

import type { Contact } from '@whiskeysockets/baileys';
import { Jimp } from 'jimp';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById } from './helpers.js';

/**
 * The node's contact and profile operations through n8n-core against an engine with the sandbox: lookups return
 * what simulated contacts set for themselves, pictures go in and come out as n8n binary data, and profile changes
 * are checked on what a contact sees.
 */
const SESSION = 'nodecontacts';
const SHOP = '4915600000001';
const ALICE = '4917600000002';
const BOB = '4917600000003';
const SHOP_JID = `${SHOP}@s.whatsapp.net`;

let engine: TestEngine;
let alice: SimContact;
let bob: SimContact;
const session = sessionById(SESSION);
const byPhone = (phone: string) => ({ __rl: true, mode: 'phone', value: `+${phone}` });

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP, { bodyLimit: '5mb' });
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
	bob = await engine.sandbox!.createContact({ phone: BOB, name: 'Bob' });
	await alice.setAbout('Gone fishing');
	await alice.setProfilePicture(await new Jimp({ width: 700, height: 400, color: 0x2255ddff }).getBuffer('image/png'));
});
afterAll(async () => {
	await engine?.dispose();
});

describe('WhatsApp node › contacts and profile against the sandbox', () => {
	it('getUserInfo gives one item per user with what the user set', async () => {
		const result = await runNode(engine, { resource: 'contact', operation: 'getUserInfo', session, phones: `+${ALICE}, ${BOB}` });
		expect(result.run.status).toBe('success');
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ phone: ALICE, exists: true, about: 'Gone fishing', pictureUrl: expect.stringMatching(/^https:/), lid: alice.lid }),
			expect.objectContaining({ phone: BOB, exists: true, about: 'Hey there! I am using WhatsApp.', pictureUrl: null, lid: bob.lid }),
		]);
	});

	it('getProfilePicture with Download Image puts the JPEG into binary data', async () => {
		const result = await runNode(engine, { resource: 'contact', operation: 'getProfilePicture', session, contact: byPhone(ALICE), download: true, binaryPropertyName: 'avatar' });
		expect(result.run.status).toBe('success');
		const item = result.items[0];
		expect(item.json).toMatchObject({ contact: `+${ALICE}`, type: 'image', mimeType: 'image/jpeg' });
		expect(item.binary?.avatar).toMatchObject({ mimeType: 'image/jpeg' });
		const image = await Jimp.read(Buffer.from(item.binary!.avatar.data, 'base64'));
		expect([image.width, image.height]).toEqual([640, 640]);
	});

	it('getProfilePicture of someone without one fails with the engine\'s 404', async () => {
		const result = await runNode(engine, { resource: 'contact', operation: 'getProfilePicture', session, contact: byPhone(BOB) });
		expect(result.run.status).toBe('error');
		expect(runError(result)?.httpCode).toBe('404');
		expect(runError(result)?.message).toMatch(/has no profile picture/);
	});

	it('setProfilePicture takes the binary data of the input item; a contact downloads the new picture', async () => {
		const changed = new Promise<void>((resolve) => {
			const listener = (updates: Partial<Contact>[]) => {
				if (!updates.some((u) => u.id === SHOP_JID && u.imgUrl === 'changed')) return;
				alice.socket.ev.off('contacts.update', listener);
				resolve();
			};
			alice.socket.ev.on('contacts.update', listener);
		});
		const photo = await new Jimp({ width: 500, height: 500, color: 0xffcc00ff }).getBuffer('image/png');
		const result = await runNode(
			engine,
			{ resource: 'profile', operation: 'setProfilePicture', session, mediaSource: 'binary', binaryPropertyName: 'logo' },
			{ items: [{ json: {}, binary: { logo: { data: photo.toString('base64'), mimeType: 'image/png', fileName: 'logo.png' } } }] },
		);
		expect(result.run.status).toBe('success');
		await changed;
		const url = await alice.socket.profilePictureUrl(SHOP_JID, 'image');
		const downloaded = await fetch(url!, engine.sandbox!.mediaDownloadOptions().options as RequestInit);
		const image = await Jimp.read(Buffer.from(await downloaded.arrayBuffer()));
		expect([image.width, image.height]).toEqual([640, 640]);
		// Yellow, as the node sent it.
		const pixel = image.getPixelColor(100, 100);
		expect((pixel >>> 24) & 0xff).toBeGreaterThan(200);
		expect((pixel >>> 8) & 0xff).toBeLessThan(80);
	});

	it('setAbout and getAbout: a contact reads the new text', async () => {
		const set = await runNode(engine, { resource: 'profile', operation: 'setAbout', session, about: 'Closed on Sundays' });
		expect(set.run.status).toBe('success');
		const [seen] = (await alice.socket.fetchStatus(SHOP_JID)) ?? [];
		expect((seen?.status as { status: string }).status).toBe('Closed on Sundays');
		const got = await runNode(engine, { resource: 'profile', operation: 'getAbout', session });
		expect(got.items[0].json).toMatchObject({ about: 'Closed on Sundays' });
	});

	it('getLidForPhone, then getPhoneForLid resolves it back', async () => {
		const lid = await runNode(engine, { resource: 'contact', operation: 'getLidForPhone', session, phone: `+${BOB}` });
		expect(lid.items[0].json).toEqual({ phone: BOB, jid: `${BOB}@s.whatsapp.net`, lid: bob.lid });
		const phone = await runNode(engine, { resource: 'contact', operation: 'getPhoneForLid', session, lid: bob.lid });
		expect(phone.items[0].json).toMatchObject({ phone: BOB });
	});

	it('getDevicePlatform needs no session', async () => {
		const result = await runNode(engine, { resource: 'contact', operation: 'getDevicePlatform', platformId: 7 });
		expect(result.items[0].json).toEqual({ platformId: 7, platform: 'DESKTOP' });
	});
});

import { proto, type Contact } from '@whiskeysockets/baileys';
import { Jimp } from 'jimp';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { ADMIN_KEY, startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * Every contact operation over real HTTP against the sandbox: lookups answer with what the simulated contacts set
 * for themselves (about text, picture), and address-book changes arrive as app-state patches the simulated phone of
 * the session's own account decrypts.
 */
const SESSION = 'lookup';
const SHOP = '4915400000001';
const ALICE = '4917400000002';
const BOB = '4917400000003';
const CAROL = '4917400000004';
const NOBODY = '4917499999999';

let engine: TestEngine;
let alice: SimContact;
let bob: SimContact;

const base = `/api/sessions/${SESSION}`;
const get = (path: string) => engine.call('GET', `${base}${path}`);
const send = (method: string, path: string, body?: unknown) => engine.call(method, `${base}${path}`, { body });
const ok = async (method: string, path: string, body?: unknown) => {
	const res = method === 'GET' ? await get(path) : await send(method, path, body);
	if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};
const sizeOf = async (data: Buffer) => {
	const image = await Jimp.read(data);
	return { width: image.width, height: image.height };
};
/** The patches of one app-state collection the sandbox stores for an account, decoded (their mutations stay encrypted). */
const patchesOf = (phone: string, collection: string) =>
	engine
		.sandbox!.appState.entries()
		.filter(([account]) => account.phone === phone)
		.flatMap(([, collections]) => collections.get(collection)?.patches ?? [])
		.map((patch) => proto.SyncdPatch.decode(patch));
/** The next `contacts.upsert` the simulated phone of the session's account emits for `jid`. */
const phoneLearns = (jid: string): Promise<Partial<Contact>> => {
	const phone = engine.sandbox!.contact(SHOP)!;
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the phone saw no contact change for ${jid}`)), 15_000);
		const listener = (contacts: Partial<Contact>[]) => {
			const hit = contacts.find((c) => c.id === jid);
			if (!hit) return;
			clearTimeout(timer);
			phone.socket.ev.off('contacts.upsert', listener);
			resolve(hit);
		};
		phone.socket.ev.on('contacts.upsert', listener);
	});
};

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
	bob = await engine.sandbox!.createContact({ phone: BOB, name: 'Bob' });
	// Alice fills in her profile with her own WhatsApp client; Bob leaves his empty.
	await alice.setAbout('Baking until 6 pm');
	const photo = await new Jimp({ width: 800, height: 500, color: 0x3366ccff }).getBuffer('image/png');
	await alice.setProfilePicture(photo);
});

afterAll(async () => {
	await engine?.dispose();
});

describe('contact lookups', () => {
	it('getUserInfo: about text, picture, devices and LID of a user, and a number that is not on WhatsApp', async () => {
		const [a, nobody] = await ok('POST', '/contacts/info', { phones: [`+${ALICE}`, NOBODY] });
		expect(a).toMatchObject({
			jid: `${ALICE}@s.whatsapp.net`,
			phone: ALICE,
			lid: alice.lid,
			exists: true,
			about: 'Baking until 6 pm',
			pictureUrl: expect.stringMatching(/^https:\/\//),
			devices: [{ id: 0, jid: `${ALICE}@s.whatsapp.net`, kind: 'phone' }],
			business: null,
		});
		expect(a.aboutSetAt).toBeGreaterThan(Date.now() - 120_000);
		expect(nobody).toEqual({ jid: `${NOBODY}@s.whatsapp.net`, phone: NOBODY, exists: false, about: null, pictureUrl: null, devices: [], business: null });
	});

	it('getUserInfo: a LID whose phone number the session does not know yet is still looked up', async () => {
		const [b] = await ok('POST', '/contacts/info', { phones: [bob.lid] });
		expect(b).toMatchObject({ jid: bob.lid, lid: bob.lid, exists: true, about: 'Hey there! I am using WhatsApp.', pictureUrl: null });
		expect(b.devices.map((d: { id: number }) => d.id)).toEqual([0]);
	});

	it('getUserInfo refuses groups; checkOnWhatsApp refuses LIDs', async () => {
		expect((await send('POST', '/contacts/info', { phones: ['120363000000000001@g.us'] })).status).toBe(400);
		expect((await send('POST', '/contacts/check', { phones: [alice.lid] })).status).toBe(400);
	});

	it('checkOnWhatsApp answers each number in any common format', async () => {
		const result = await ok('POST', '/contacts/check', { phones: [`+49 174 00000002`, `00${BOB}`, NOBODY] });
		expect(result).toEqual([
			{ phone: ALICE, jid: `${ALICE}@s.whatsapp.net`, exists: true },
			{ phone: BOB, jid: `${BOB}@s.whatsapp.net`, exists: true },
			{ phone: NOBODY, jid: `${NOBODY}@s.whatsapp.net`, exists: false },
		]);
	});

	it('getProfilePicture: the URL, the full JPEG (cropped to 640×640) and the thumbnail', async () => {
		const json = await ok('GET', `/contacts/%2B${ALICE}/picture`);
		expect(json).toMatchObject({ jid: `${ALICE}@s.whatsapp.net`, type: 'image', url: expect.stringMatching(/^https:\/\//) });

		const full = await fetch(`${engine.url}${base}/contacts/${ALICE}/picture?format=image`, { headers: { 'x-api-key': ADMIN_KEY } });
		expect(full.status).toBe(200);
		expect(full.headers.get('content-type')).toBe('image/jpeg');
		const bytes = Buffer.from(await full.arrayBuffer());
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		expect(await sizeOf(bytes)).toEqual({ width: 640, height: 640 });

		const preview = await fetch(`${engine.url}${base}/contacts/${ALICE}/picture?format=image&preview=true`, { headers: { 'x-api-key': ADMIN_KEY } });
		expect(await sizeOf(Buffer.from(await preview.arrayBuffer()))).toEqual({ width: 96, height: 96 });
	});

	it('getProfilePicture: 404 when the user has none', async () => {
		const res = await get(`/contacts/${BOB}/picture`);
		expect(res.status).toBe(404);
		expect(res.body.error).toMatchObject({ code: 'picture_not_found', message: expect.stringContaining(`${BOB}@s.whatsapp.net has no profile picture`) });
	});

	it('getContactInfo: one person by phone number or by LID', async () => {
		const byPhone = await ok('GET', `/contacts/%2B${ALICE}`);
		expect(byPhone).toMatchObject({ phone: ALICE, lid: alice.lid, exists: true, about: 'Baking until 6 pm' });
		const byLid = await ok('GET', `/contacts/${alice.lid}`);
		// The first lookup taught the session Alice's LID, so the LID now resolves to her number.
		expect(byLid).toMatchObject({ jid: alice.lid, phone: ALICE, lid: alice.lid, exists: true, about: 'Baking until 6 pm' });
	});
});

describe('LIDs and phone numbers', () => {
	it('getPhoneForLid is a 404 until the session learns the mapping; getLidForPhone teaches it', async () => {
		const carol = await engine.sandbox!.createContact({ phone: CAROL, name: 'Carol' });
		const unknown = await get(`/lid/${carol.lid}/phone`);
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toMatchObject({ code: 'phone_not_found', message: expect.stringContaining(`does not know the phone number of ${carol.lid}`) });

		expect(await ok('GET', `/lid/%2B${CAROL}`)).toEqual({ phone: CAROL, jid: `${CAROL}@s.whatsapp.net`, lid: carol.lid });
		expect(await ok('GET', `/lid/${carol.lid}/phone`)).toEqual({ lid: carol.lid, jid: `${CAROL}@s.whatsapp.net`, phone: CAROL });
	});

	it('getLidForPhone: 404 for a number that is not on WhatsApp', async () => {
		const res = await get(`/lid/${NOBODY}`);
		expect(res.status).toBe(404);
		expect(res.body.error.code).toBe('lid_not_found');
	});
});

describe('devices', () => {
	it("getUserDevices: a contact's phone, and the session account's phone and linked device", async () => {
		const result = await ok('POST', '/contacts/devices', { phones: [ALICE, SHOP] });
		expect(result[0]).toEqual({ jid: `${ALICE}@s.whatsapp.net`, devices: [{ id: 0, jid: `${ALICE}@s.whatsapp.net`, kind: 'phone' }] });
		expect(result[1].jid).toBe(`${SHOP}@s.whatsapp.net`);
		expect(result[1].devices.map((d: { kind: string }) => d.kind)).toEqual(['phone', 'companion']);
	});

	it("getLinkedDevices: the account's devices, this session marked", async () => {
		const linked = await ok('GET', '/linked-devices');
		const status = await engine.call('GET', `${base}/status`);
		expect(linked.account).toBe(`${SHOP}@s.whatsapp.net`);
		expect(linked.self).toBe(status.body.me.jid);
		expect(linked.devices).toEqual([
			{ id: 0, jid: `${SHOP}@s.whatsapp.net`, kind: 'phone', self: false },
			{ id: Number(status.body.me.jid.split(/[:@]/)[1]), jid: status.body.me.jid, kind: 'companion', self: true },
		]);
	});

	it('getDevicePlatform names a platform code without asking WhatsApp', async () => {
		expect((await engine.call('GET', '/api/device-platforms/1')).body).toEqual({ platformId: 1, platform: 'CHROME' });
		expect((await engine.call('GET', '/api/device-platforms/14')).body).toEqual({ platformId: 14, platform: 'IOS_PHONE' });
		expect((await engine.call('GET', '/api/device-platforms/999')).status).toBe(404);
	});
});

describe('address book', () => {
	it('upsertContact: the phone of the account receives the new contact through app state', async () => {
		const before = patchesOf(SHOP, 'critical_unblock_low').length;
		const learned = phoneLearns(`${ALICE}@s.whatsapp.net`);
		expect(await ok('PUT', `/contacts/%2B${ALICE}`, { fullName: 'Alice Baker', firstName: 'Alice' })).toEqual({
			ok: true,
			jid: `${ALICE}@s.whatsapp.net`,
			fullName: 'Alice Baker',
			firstName: 'Alice',
		});
		expect(await learned).toMatchObject({ id: `${ALICE}@s.whatsapp.net`, name: 'Alice Baker' });
		const patches = patchesOf(SHOP, 'critical_unblock_low');
		expect(patches).toHaveLength(before + 1);
		expect(patches.at(-1)!.mutations![0]!.operation).toBe(proto.SyncdMutation.SyncdOperation.SET);
	});

	it('removeContact: a REMOVE mutation in the same collection', async () => {
		const before = patchesOf(SHOP, 'critical_unblock_low').length;
		expect(await ok('DELETE', `/contacts/${ALICE}`)).toEqual({ ok: true, jid: `${ALICE}@s.whatsapp.net` });
		const patches = patchesOf(SHOP, 'critical_unblock_low');
		expect(patches).toHaveLength(before + 1);
		expect(patches.at(-1)!.mutations![0]!.operation).toBe(proto.SyncdMutation.SyncdOperation.REMOVE);
	});

	it('upsertContact rejects an empty name', async () => {
		expect((await send('PUT', `/contacts/${ALICE}`, { fullName: ' ' })).status).toBe(400);
	});
});

import type { ReceivedMessage, SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * The status resource against the sandbox with real Baileys sockets: the engine's session `desk` posts statuses
 * and the simulated contacts' own Baileys clients must decrypt them from status@broadcast, while people left out of
 * the audience get nothing.
 */
const SHOP = '4915600000021';
const HANS = '4917600000022';
const IDA = '4917600000023';
const JO = '4917600000024';
const LONELY = '4915600000025';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60, 1)]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64, 2)]);

let engine: TestEngine;
let hans: SimContact;
let ida: SimContact;
let jo: SimContact;

const post = (path: string, body: unknown, session = 'desk') => engine.call('POST', `/api/sessions/${session}${path}`, { body });

/** Posts a status and returns what each listed contact's Baileys client received for it. */
async function postAndReceive(path: string, body: Record<string, unknown>, audience: SimContact[]): Promise<ReceivedMessage[]> {
	const sent = await post(path, body);
	expect(sent.status).toBe(201);
	expect(sent.body).toMatchObject({ id: expect.any(String), timestamp: expect.any(Number) });
	return Promise.all(audience.map((contact) => contact.waitForMessage((m) => m.id === sent.body.id, 15_000)));
}

/**
 * Whether a contact got a status: a direct message sent after it reaches the contact later on the same ordered
 * socket, so once that message is in, a status that was delivered would be in too.
 */
async function gotStatus(contact: SimContact, id: string): Promise<boolean> {
	const marker = await post('/messages/text', { to: `+${contact.phone}`, text: `after ${id}` });
	await contact.waitForMessage((m) => m.id === marker.body.id, 15_000);
	return contact.received().some((m) => m.id === id);
}

beforeAll(async () => {
	engine = await startPairedSandboxEngine('desk', SHOP);
	hans = await engine.sandbox!.createContact({ phone: HANS, name: 'Hans' });
	ida = await engine.sandbox!.createContact({ phone: IDA, name: 'Ida' });
	jo = await engine.sandbox!.createContact({ phone: JO, name: 'Jo' });
	// Hans and Ida have written to the shop, so the engine's store knows them; Jo never has.
	for (const contact of [hans, ida]) {
		const hello = await contact.sendText(SHOP, `hi from ${contact.name}`);
		await engine.waitForEvent((e) => e.session === 'desk' && e.type === 'message.received' && e.data.id === hello.id);
	}
});
afterAll(async () => {
	await engine?.dispose();
});

describe('statuses reach exactly the listed people', () => {
	it('sendTextStatus: text, background, text colour and font, from the shop on status@broadcast', async () => {
		const [toHans, toIda] = await postAndReceive(
			'/statuses/text',
			{ text: 'Summer sale today', backgroundColor: '#FF336699', textColor: '#FFFFFF', font: 'calistoga', recipients: [`+${HANS}`, `${IDA}@s.whatsapp.net`] },
			[hans, ida],
		);
		for (const got of [toHans, toIda]) {
			expect(got).toMatchObject({ chat: 'status@broadcast', fromPhone: SHOP, text: 'Summer sale today' });
			const text = got.raw.message?.extendedTextMessage;
			expect(text?.backgroundArgb).toBe(0xff336699);
			expect(text?.textArgb).toBe(0xffffffff);
			expect(text?.font).toBe(8);
		}
		expect(await gotStatus(jo, toHans.id)).toBe(false);
	});

	it('sendImageStatus: the image bytes and caption arrive intact', async () => {
		const [got] = await postAndReceive('/statuses/image', { image: { base64: PNG.toString('base64'), mimetype: 'image/png' }, caption: 'new stock', recipients: [HANS] }, [hans]);
		expect(got).toMatchObject({ chat: 'status@broadcast', type: 'imageMessage', caption: 'new stock', fromPhone: SHOP });
		expect(got.media?.data.equals(PNG)).toBe(true);
		expect(await gotStatus(ida, got.id)).toBe(false);
	});

	it('sendVideoStatus: the video bytes and caption arrive intact', async () => {
		const [got] = await postAndReceive('/statuses/video', { video: { base64: MP4.toString('base64') }, caption: 'tour', recipients: [IDA] }, [ida]);
		expect(got).toMatchObject({ chat: 'status@broadcast', type: 'videoMessage', caption: 'tour' });
		expect(got.media).toMatchObject({ mimetype: 'video/mp4' });
		expect(got.media?.data.equals(MP4)).toBe(true);
	});

	it('sendAudioStatus: a voice note with its background colour', async () => {
		const [got] = await postAndReceive('/statuses/audio', { audio: { base64: OGG.toString('base64') }, voiceNote: true, backgroundColor: '#00AA00', recipients: [HANS] }, [hans]);
		expect(got).toMatchObject({ chat: 'status@broadcast', type: 'audioMessage' });
		expect(got.raw.message?.audioMessage?.ptt).toBe(true);
		expect(got.raw.message?.audioMessage?.backgroundArgb).toBe(0xff00aa00);
		expect(got.media?.data.equals(OGG)).toBe(true);
	});

	it("defaults the audience to the session's stored contacts", async () => {
		const stored = (await engine.call('GET', '/api/sessions/desk/contacts?limit=500')).body as Array<{ phone?: string }>;
		expect(stored.map((c) => c.phone).sort()).toEqual([HANS, IDA]);
		const sent = await post('/statuses/text', { text: 'open on Sunday' });
		expect(sent.status).toBe(201);
		expect([...sent.body.recipients].sort()).toEqual([`${HANS}@s.whatsapp.net`, `${IDA}@s.whatsapp.net`]);
		for (const contact of [hans, ida]) {
			expect(await contact.waitForMessage((m) => m.id === sent.body.id, 15_000)).toMatchObject({ text: 'open on Sunday' });
		}
		expect(await gotStatus(jo, sent.body.id)).toBe(false);
	});
});

describe('statuses WhatsApp cannot send, and bad input', () => {
	it('answers 422 when nobody would see the status', async () => {
		await engine.call('POST', '/api/sessions', { body: { id: 'lonely' } });
		const qr = await engine.call('GET', '/api/sessions/lonely/qr?wait=20');
		const connected = engine.waitForEvent((e) => e.session === 'lonely' && e.type === 'session.connected', 20_000);
		await engine.sandbox!.scanQr(qr.body.value, { phone: LONELY, name: 'Lonely' });
		await connected;
		const response = await post('/statuses/text', { text: 'anyone?' }, 'lonely');
		expect(response.status).toBe(422);
		expect(JSON.stringify(response.body)).toContain('no recipients');
	});

	it('answers 422 for a group in the audience', async () => {
		const response = await post('/statuses/text', { text: 'x', recipients: ['120363000000000001@g.us'] });
		expect(response.status).toBe(422);
		expect(JSON.stringify(response.body)).toContain('people only');
	});

	it('rejects bad colours, fonts and a background behind plain audio with a 400', async () => {
		expect((await post('/statuses/text', { text: 'x', backgroundColor: 'red', recipients: [HANS] })).status).toBe(400);
		expect((await post('/statuses/text', { text: 'x', font: 'comic', recipients: [HANS] })).status).toBe(400);
		expect((await post('/statuses/text', { text: 'x', recipients: [] })).status).toBe(400);
		const audio = await post('/statuses/audio', { audio: { base64: OGG.toString('base64') }, backgroundColor: '#00AA00', recipients: [HANS] });
		expect(audio.status).toBe(400);
		expect(JSON.stringify(audio.body)).toContain('voiceNote');
	});
});

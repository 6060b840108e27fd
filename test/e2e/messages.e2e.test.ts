import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proto } from '@whiskeysockets/baileys';
import type { ReceivedMessage, SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * Every message, message-action, presence and media operation over real HTTP, through real Baileys sockets and
 * the sandbox, checked on the receiving side: what the simulated contact decrypted.
 */
const SESSION = 'shop';
const SHOP = '4915200000001';
const ALICE = '4917200000002';
const BOB = '4917200000003';

// A 1×1 PNG and a minimal WebP (RIFF/WEBP header), small real files.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const WEBP = Buffer.from('UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60, 1)]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(64, 2)]);

let engine: TestEngine;
let alice: SimContact;
let bob: SimContact;
let files: Server;
let filesUrl: string;

const post = async (path: string, body: unknown) => engine.call('POST', `/api/sessions/${SESSION}${path}`, { body });
const ok = async (path: string, body: unknown, status = 201) => {
	const res = await post(path, body);
	if (res.status !== status) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};
const receivedBy = (contact: SimContact, id: string): Promise<ReceivedMessage> => contact.waitForMessage((m) => m.id === id, 15_000);
/** Waits until `check` finds something in the contact's logs (receipts, presences), woken by the contact itself. */
const waitOn = <T>(contact: SimContact, check: () => T | undefined, what: string): Promise<T> =>
	(contact as unknown as { waitFor<R>(c: () => R | undefined, t: number, w: string): Promise<R> }).waitFor(check, 15_000, what);
/**
 * The receipt stanza as WhatsApp delivers it to the contact's device. (Baileys may keep the derived
 * `messages.update` in its event buffer for a while, so the stanza is what is checked.)
 */
const receiptStanza = (contact: SimContact, id: string, type: string) =>
	new Promise<{ attrs: Record<string, string> }>((resolve) => {
		const listener = (node: { attrs: Record<string, string> }) => {
			if (node.attrs.id === id && node.attrs.type === type) resolve(node);
		};
		(contact.socket.ws as unknown as { on(e: string, l: typeof listener): void }).on('CB:receipt', listener);
	});
/** Sum of the versions of an account's app-state collections in the sandbox: grows with every patch the account sends. */
const appStateVersions = (phone: string): number =>
	engine
		.sandbox!.appState.entries()
		.filter(([account]) => account.phone === phone)
		.flatMap(([, collections]) => [...collections.values()])
		.reduce((sum, collection) => sum + collection.version, 0);
/** The decrypted message content as the contact's Baileys socket stored it, view-once/ephemeral wrappers kept. */
const rawOf = (m: ReceivedMessage) => m.raw.message as proto.IMessage;

beforeAll(async () => {
	files = createServer((req, res) => {
		if (req.url === '/page') {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<html><head><title>ignored</title><meta property="og:title" content="Spring &amp; Sale"><meta property="og:description" content="Everything 20% off"></head></html>');
		} else if (req.url === '/pic.png') {
			res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length });
			res.end(PNG);
		} else {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
	filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

	engine = await startPairedSandboxEngine(SESSION, SHOP, { bodyLimit: '5mb', allowPrivateMediaUrls: true });
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
	bob = await engine.sandbox!.createContact({ phone: BOB, name: 'Bob' });
});

afterAll(async () => {
	await engine?.dispose();
	await new Promise((resolve) => files?.close(resolve));
});

describe('message: sending', () => {
	it('sendText: plain text arrives without a link preview by default', async () => {
		const sent = await ok('/messages/text', { to: `+${ALICE}`, text: `See ${filesUrl}/page` });
		expect(sent).toMatchObject({ id: expect.any(String), to: `${ALICE}@s.whatsapp.net` });
		const got = await receivedBy(alice, sent.id);
		expect(got.text).toBe(`See ${filesUrl}/page`);
		expect(rawOf(got).extendedTextMessage?.title ?? undefined).toBeUndefined();
	});

	it('sendText: with linkPreview the page title and description travel with the text', async () => {
		const sent = await ok('/messages/text', { to: ALICE, text: `Sale: ${filesUrl}/page`, linkPreview: true });
		const got = await receivedBy(alice, sent.id);
		expect(rawOf(got).extendedTextMessage).toMatchObject({ text: `Sale: ${filesUrl}/page`, matchedText: `${filesUrl}/page`, title: 'Spring & Sale', description: 'Everything 20% off' });
	});

	it('sendText: a reply quotes the original message, and an unknown quoted id is a 404', async () => {
		const original = await alice.sendText(SHOP, 'Is my order ready?');
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === original.id);
		const sent = await ok('/messages/text', { to: ALICE, text: 'Yes, ready for pickup', replyTo: original.id });
		const got = await receivedBy(alice, sent.id);
		expect(got.quotedId).toBe(original.id);
		const quoted = rawOf(got).extendedTextMessage?.contextInfo?.quotedMessage;
		expect(quoted?.conversation ?? quoted?.extendedTextMessage?.text).toBe('Is my order ready?');

		const unknown = await post('/messages/text', { to: ALICE, text: 'x', replyTo: 'NOSUCHMESSAGE1' });
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('message_not_found');
	});

	it('sendText: forwarded flag and disappearing timer reach the recipient', async () => {
		const sent = await ok('/messages/text', { to: ALICE, text: 'forwarded & ephemeral', forwarded: true, ephemeralSeconds: 86_400 });
		const got = await receivedBy(alice, sent.id);
		const context = rawOf(got).extendedTextMessage?.contextInfo ?? rawOf(got).ephemeralMessage?.message?.extendedTextMessage?.contextInfo;
		expect(context).toMatchObject({ isForwarded: true, expiration: 86_400 });
	});

	it('sendLink: the link with caption and preview', async () => {
		const sent = await ok('/messages/link', { to: ALICE, link: `${filesUrl}/page`, caption: 'Have a look' });
		const got = await receivedBy(alice, sent.id);
		expect(got.text).toBe(`Have a look\n${filesUrl}/page`);
		expect(rawOf(got).extendedTextMessage?.title).toBe('Spring & Sale');
	});

	it('sendImage: base64 bytes arrive intact, as view-once when asked', async () => {
		const sent = await ok('/messages/image', { to: ALICE, image: { base64: PNG.toString('base64'), mimetype: 'image/png' }, caption: 'pic', viewOnce: true });
		const got = await receivedBy(alice, sent.id);
		expect(got.type).toBe('imageMessage');
		expect(got.caption).toBe('pic');
		expect(got.media?.data.equals(PNG)).toBe(true);
		const raw = rawOf(got);
		expect(raw.viewOnceMessage ?? raw.viewOnceMessageV2 ?? raw.imageMessage?.viewOnce).toBeTruthy();
	});

	it('sendImage: from a URL the engine downloads', async () => {
		const sent = await ok('/messages/image', { to: ALICE, image: { url: `${filesUrl}/pic.png` } });
		const got = await receivedBy(alice, sent.id);
		expect(got.media).toMatchObject({ mimetype: 'image/png' });
		expect(got.media?.data.equals(PNG)).toBe(true);
	});

	it('sendAudio: an audio file and a voice note', async () => {
		const file = await ok('/messages/audio', { to: ALICE, audio: { base64: OGG.toString('base64'), mimetype: 'audio/mpeg' } });
		const voice = await ok('/messages/audio', { to: ALICE, audio: { base64: OGG.toString('base64') }, voiceNote: true, seconds: 3 });
		const gotFile = await receivedBy(alice, file.id);
		const gotVoice = await receivedBy(alice, voice.id);
		expect(rawOf(gotFile).audioMessage).toMatchObject({ mimetype: 'audio/mpeg' });
		expect(rawOf(gotFile).audioMessage?.ptt).toBeFalsy();
		expect(rawOf(gotVoice).audioMessage).toMatchObject({ ptt: true, seconds: 3, mimetype: 'audio/ogg; codecs=opus' });
		expect(gotVoice.media?.data.equals(OGG)).toBe(true);
	});

	it('sendDocument: file name, MIME type and bytes', async () => {
		const sent = await ok('/messages/document', { to: ALICE, document: { base64: PDF.toString('base64'), mimetype: 'application/pdf' }, fileName: 'invoice-1042.pdf', caption: 'Your invoice' });
		const got = await receivedBy(alice, sent.id);
		expect(got.media).toMatchObject({ mimetype: 'application/pdf', fileName: 'invoice-1042.pdf' });
		expect(got.media?.data.equals(PDF)).toBe(true);
		expect(got.caption).toBe('Your invoice');
	});

	it('sendVideo and sendVideoNote', async () => {
		const video = await ok('/messages/video', { to: ALICE, video: { base64: MP4.toString('base64') }, caption: 'clip', gifPlayback: true });
		const note = await ok('/messages/video-note', { to: ALICE, video: { base64: MP4.toString('base64') } });
		const gotVideo = await receivedBy(alice, video.id);
		expect(rawOf(gotVideo).videoMessage).toMatchObject({ caption: 'clip', gifPlayback: true, mimetype: 'video/mp4' });
		expect(gotVideo.media?.data.equals(MP4)).toBe(true);
		const gotNote = await receivedBy(alice, note.id);
		expect(rawOf(gotNote).ptvMessage).toBeTruthy();
	});

	it('sendSticker: WebP goes through; anything else is a 422', async () => {
		const sent = await ok('/messages/sticker', { to: ALICE, sticker: { base64: WEBP.toString('base64') } });
		const got = await receivedBy(alice, sent.id);
		expect(got.type).toBe('stickerMessage');
		expect(got.media?.data.equals(WEBP)).toBe(true);
		const png = await post('/messages/sticker', { to: ALICE, sticker: { base64: PNG.toString('base64') } });
		expect(png.status).toBe(422);
	});

	it('sendLocation', async () => {
		const sent = await ok('/messages/location', { to: ALICE, latitude: 52.52, longitude: 13.405, name: 'Shop', address: 'Alexanderplatz 1, Berlin' });
		const got = await receivedBy(alice, sent.id);
		expect(rawOf(got).locationMessage).toMatchObject({ degreesLatitude: 52.52, degreesLongitude: 13.405, name: 'Shop', address: 'Alexanderplatz 1, Berlin' });
	});

	it('sendContact: a card built from name and phone', async () => {
		const sent = await ok('/messages/contact', { to: ALICE, contacts: [{ name: 'Support', phone: '+49 30 1234567' }] });
		const got = await receivedBy(alice, sent.id);
		const card = rawOf(got).contactMessage;
		expect(card?.displayName).toBe('Support');
		expect(card?.vcard).toContain('TEL;type=CELL;type=VOICE;waid=49301234567:+49301234567');
	});

	it('sendPoll: question, options and how many answers', async () => {
		const sent = await ok('/messages/poll', { to: ALICE, question: 'Pickup time?', options: ['Morning', 'Afternoon', 'Evening'], maxAnswers: 2 });
		const got = await receivedBy(alice, sent.id);
		const raw = rawOf(got);
		const poll = raw.pollCreationMessage ?? raw.pollCreationMessageV2 ?? raw.pollCreationMessageV3;
		expect(poll?.name).toBe('Pickup time?');
		expect(poll?.options?.map((o) => o.optionName)).toEqual(['Morning', 'Afternoon', 'Evening']);
		expect(poll?.selectableOptionsCount).toBe(2);
		expect((await post('/messages/poll', { to: ALICE, question: 'q', options: ['a'] })).status).toBe(400);
	});

	it('sendEvent: name, times and location', async () => {
		const start = Math.floor(Date.now() / 1000) + 86_400;
		const sent = await ok('/messages/event', { to: ALICE, name: 'Tasting', description: 'Free samples', startTime: start, endTime: start + 3600, location: { name: 'Shop' } });
		const got = await receivedBy(alice, sent.id);
		expect(rawOf(got).eventMessage).toMatchObject({ name: 'Tasting', description: 'Free samples', location: { name: 'Shop' } });
		expect(Number(rawOf(got).eventMessage?.startTime)).toBe(start);
		expect(Number(rawOf(got).eventMessage?.endTime)).toBe(start + 3600);
	});

	it('sendGroupInvite: an invitation with the real code of a group this account admins', async () => {
		const group = await ok('/groups', { subject: 'VIP customers', participants: [ALICE] });
		const sent = await ok('/messages/group-invite', { to: BOB, groupId: group.id, text: 'Join us' });
		const got = await receivedBy(bob, sent.id);
		const invite = rawOf(got).groupInviteMessage;
		expect(invite).toMatchObject({ groupJid: group.id, groupName: 'VIP customers', caption: 'Join us' });
		expect(invite?.inviteCode).toMatch(/\S{6,}/);
	});

	it('sendList: the hand-built list message arrives', async () => {
		const sent = await ok('/messages/list', {
			to: ALICE,
			text: 'Pick a size',
			buttonText: 'Sizes',
			sections: [{ title: 'Shirts', rows: [{ id: 's', title: 'Small' }, { id: 'm', title: 'Medium', description: 'Most popular' }] }],
		});
		const list = rawOf(await receivedBy(alice, sent.id)).listMessage;
		expect(list).toMatchObject({ description: 'Pick a size', buttonText: 'Sizes' });
		expect(list?.sections?.[0].rows?.map((r) => r.rowId)).toEqual(['s', 'm']);
	});

	it('sendButtons: native-flow buttons with an image header', async () => {
		const sent = await ok('/messages/buttons', {
			to: ALICE,
			text: 'Your order shipped',
			footer: 'Shop',
			header: { type: 'image', media: { base64: PNG.toString('base64'), mimetype: 'image/png' } },
			buttons: [
				{ type: 'reply', text: 'Thanks', id: 'thanks' },
				{ type: 'url', text: 'Track', url: 'https://example.com/track/1042' },
				{ type: 'copy', text: 'Copy code', code: 'X1042' },
			],
		});
		const interactive = rawOf(await receivedBy(alice, sent.id)).interactiveMessage;
		expect(interactive?.body?.text).toBe('Your order shipped');
		expect(interactive?.header?.hasMediaAttachment).toBe(true);
		expect(interactive?.header?.imageMessage?.mimetype).toBe('image/png');
		const buttons = interactive?.nativeFlowMessage?.buttons ?? [];
		expect(buttons.map((b) => b.name)).toEqual(['quick_reply', 'cta_url', 'cta_copy']);
		expect(JSON.parse(buttons[1].buttonParamsJson!)).toMatchObject({ display_text: 'Track', url: 'https://example.com/track/1042' });
	});

	it('sendTemplate: hydrated template buttons', async () => {
		const sent = await ok('/messages/template', {
			to: ALICE,
			text: 'Rate us',
			buttons: [
				{ type: 'reply', text: 'Great', id: 'great' },
				{ type: 'call', text: 'Call us', phone: '+49 30 1234567' },
			],
		});
		const template = rawOf(await receivedBy(alice, sent.id)).templateMessage?.hydratedTemplate;
		expect(template?.hydratedContentText).toBe('Rate us');
		expect(template?.hydratedButtons?.[0].quickReplyButton).toMatchObject({ displayText: 'Great', id: 'great' });
		expect(template?.hydratedButtons?.[1].callButton).toMatchObject({ displayText: 'Call us', phoneNumber: '+49 30 1234567' });
	});

	it('sendNativeFlow: raw flow buttons and message parameters', async () => {
		const sent = await ok('/messages/native-flow', {
			to: ALICE,
			text: 'Choose',
			buttons: [{ name: 'single_select', params: { title: 'Options', sections: [{ title: 'A', rows: [{ id: '1', title: 'One' }] }] } }],
			messageParams: { from: 'api' },
		});
		const flow = rawOf(await receivedBy(alice, sent.id)).interactiveMessage?.nativeFlowMessage;
		expect(flow?.buttons?.[0].name).toBe('single_select');
		expect(JSON.parse(flow!.buttons![0].buttonParamsJson!)).toMatchObject({ title: 'Options' });
		expect(JSON.parse(flow!.messageParamsJson!)).toEqual({ from: 'api' });
	});

	it('sendCarousel: cards with media and buttons', async () => {
		const sent = await ok('/messages/carousel', {
			to: ALICE,
			text: 'New arrivals',
			cards: [
				{ text: 'Red shirt', header: { type: 'image', media: { base64: PNG.toString('base64'), mimetype: 'image/png' } }, buttons: [{ type: 'reply', text: 'Buy', id: 'red' }] },
				{ text: 'Blue shirt', buttons: [{ type: 'url', text: 'View', url: 'https://example.com/blue' }] },
			],
		});
		const carousel = rawOf(await receivedBy(alice, sent.id)).interactiveMessage;
		expect(carousel?.body?.text).toBe('New arrivals');
		const cards = carousel?.carouselMessage?.cards ?? [];
		expect(cards.map((c) => c.body?.text)).toEqual(['Red shirt', 'Blue shirt']);
		expect(cards[0].header?.imageMessage).toBeTruthy();
	});

	it('bad input is a 400 with the validation issues', async () => {
		const res = await post('/messages/image', { to: ALICE, image: { base64: 'abc', url: 'https://example.com/x.png' } });
		expect(res.status).toBe(400);
		expect(res.body.error.code).toBe('invalid_request');
		expect((await post('/messages/location', { to: ALICE, latitude: 91, longitude: 0 })).status).toBe(400);
	});
});

describe('messageAction', () => {
	it('reactToMessage: the contact sees the emoji on the right message, and an empty emoji removes it', async () => {
		const incoming = await alice.sendText(SHOP, 'I love it');
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === incoming.id);
		const reacted = await ok(`/messages/${incoming.id}/reaction`, { chat: ALICE, emoji: '❤️' }, 200);
		expect(reacted).toMatchObject({ targetId: incoming.id, chat: `${ALICE}@s.whatsapp.net` });
		const got = await receivedBy(alice, reacted.id);
		expect(got.reaction).toEqual({ emoji: '❤️', targetId: incoming.id });
		const removed = await ok(`/messages/${incoming.id}/reaction`, { chat: ALICE, emoji: '' }, 200);
		expect((await receivedBy(alice, removed.id)).reaction).toEqual({ emoji: '', targetId: incoming.id });
	});

	it('editMessage: the contact gets the new text for the original id', async () => {
		const sent = await ok('/messages/text', { to: ALICE, text: 'Opening at 9' });
		await receivedBy(alice, sent.id);
		await ok(`/messages/${sent.id}/edit`, { chat: ALICE, text: 'Opening at 10' }, 200);
		const edit = await alice.waitForMessage((m) => m.edit?.targetId === sent.id, 15_000);
		expect(edit.edit).toEqual({ targetId: sent.id, text: 'Opening at 10' });
	});

	it("editMessage: someone else's message cannot be edited (422)", async () => {
		const incoming = await alice.sendText(SHOP, 'not yours to edit');
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === incoming.id);
		const res = await post(`/messages/${incoming.id}/edit`, { chat: ALICE, text: 'changed' });
		expect(res.status).toBe(422);
	});

	it('revokeMessage: the contact is told to delete exactly that message', async () => {
		const sent = await ok('/messages/text', { to: ALICE, text: 'oops, wrong chat' });
		await receivedBy(alice, sent.id);
		await ok(`/messages/${sent.id}/revoke`, { chat: ALICE }, 200);
		const revoke = await alice.waitForMessage((m) => m.revokedId === sent.id, 15_000);
		expect(revoke.revokedId).toBe(sent.id);
	});

	it('markAsRead: the contact device gets the read receipt for its message', async () => {
		const incoming = await alice.sendText(SHOP, 'read me');
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === incoming.id);
		const stanza = receiptStanza(alice, incoming.id, 'read');
		await ok('/messages/read', { chat: ALICE, messageIds: [incoming.id] }, 200);
		const receipt = await stanza;
		expect(receipt.attrs.from).toBe(`${SHOP}@s.whatsapp.net`);
	});

	it('markAsPlayed: the contact device gets the played receipt for its voice note', async () => {
		const incoming = await alice.socket.sendMessage(`${SHOP}@s.whatsapp.net`, { audio: OGG, ptt: true, mimetype: 'audio/ogg; codecs=opus', seconds: 1 });
		const id = incoming!.key.id!;
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === id);
		const stanza = receiptStanza(alice, id, 'played');
		await ok('/messages/played', { chat: ALICE, messageIds: [id] }, 200);
		expect((await stanza).attrs.from).toBe(`${SHOP}@s.whatsapp.net`);
	});

	it('deleteMessageForMe: unknown ids are a 404; a known one becomes an app-state patch on WhatsApp', async () => {
		const missing = await post('/messages/NOSUCHMESSAGE2/delete-for-me', { chat: ALICE });
		expect(missing.status).toBe(404);
		expect(missing.body.error.code).toBe('message_not_found');
		const sent = await ok('/messages/text', { to: ALICE, text: 'delete me here only' });
		const before = appStateVersions(SHOP);
		expect(await ok(`/messages/${sent.id}/delete-for-me`, { chat: ALICE }, 200)).toMatchObject({ ok: true, id: sent.id });
		expect(appStateVersions(SHOP)).toBeGreaterThan(before);
	});

	it('starMessage: star and unstar become app-state patches on WhatsApp', async () => {
		const sent = await ok('/messages/text', { to: ALICE, text: 'star me' });
		const before = appStateVersions(SHOP);
		expect(await ok(`/messages/${sent.id}/star`, { chat: ALICE, star: true }, 200)).toMatchObject({ ok: true, starred: true });
		const afterStar = appStateVersions(SHOP);
		expect(afterStar).toBeGreaterThan(before);
		expect(await ok(`/messages/${sent.id}/star`, { chat: ALICE, star: false }, 200)).toMatchObject({ ok: true, starred: false });
		expect(appStateVersions(SHOP)).toBeGreaterThan(afterStar);
	});
});

describe('presence', () => {
	it('sendChatPresence: the contact sees "typing…", then "recording…", then the indicator stop', async () => {
		const fromShop = (presence: string, after: number) => () =>
			alice.presences().slice(after).find((p) => p.presence === presence && p.participant.startsWith(SHOP));
		const start = alice.presences().length;
		await ok('/chat-presence', { to: ALICE, state: 'composing' }, 200);
		await waitOn(alice, fromShop('composing', start), 'typing');
		const afterTyping = alice.presences().length;
		await ok('/chat-presence', { to: ALICE, state: 'recording' }, 200);
		await waitOn(alice, fromShop('recording', afterTyping), 'recording');
		const afterRecording = alice.presences().length;
		await ok('/chat-presence', { to: ALICE, state: 'paused' }, 200);
		// Baileys reports a stopped indicator ("paused") as plain "available".
		expect((await waitOn(alice, fromShop('available', afterRecording), 'paused')).presence).toBe('available');
	});

	it('sendPresence: a contact subscribed to the account sees it go offline and online', async () => {
		await bob.socket.presenceSubscribe(`${SHOP}@s.whatsapp.net`);
		const seen = (presence: string, after: number) =>
			waitOn(bob, () => bob.presences().slice(after).find((p) => p.presence === presence && (p.chat.startsWith(SHOP) || p.participant.startsWith(SHOP))), presence);
		const start = bob.presences().length;
		await ok('/presence', { type: 'unavailable' }, 200);
		expect((await seen('unavailable', start)).presence).toBe('unavailable');
		const afterOffline = bob.presences().length;
		await ok('/presence', { type: 'available' }, 200);
		expect((await seen('available', afterOffline)).presence).toBe('available');
		expect((await post('/presence', { type: 'away' })).status).toBe(400);
	});

	it('rejects unknown states', async () => {
		expect((await post('/chat-presence', { to: ALICE, state: 'dancing' })).status).toBe(400);
	});
});

describe('media', () => {
	it('downloadMedia: a received document comes back with its bytes, MIME type and file name', async () => {
		const incoming = await alice.sendDocument(SHOP, PDF, { fileName: 'order.pdf', mimetype: 'application/pdf' });
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === incoming.id);
		const res = await fetch(`${engine.url}/api/sessions/${SESSION}/messages/${incoming.id}/media?chat=${ALICE}`, { headers: { 'x-api-key': 'test-admin-key-0123456789' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/pdf/);
		expect(res.headers.get('content-disposition')).toContain('order.pdf');
		expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
	});

	it('downloadMedia: a text message has no media (422); an unknown id is a 404', async () => {
		const incoming = await alice.sendText(SHOP, 'no media here');
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === incoming.id);
		expect((await engine.call('GET', `/api/sessions/${SESSION}/messages/${incoming.id}/media?chat=${ALICE}`)).status).toBe(422);
		expect((await engine.call('GET', `/api/sessions/${SESSION}/messages/NOSUCHMESSAGE3/media?chat=${ALICE}`)).status).toBe(404);
	});

	it('uploadMedia: upload once, send by media id; ids of nothing are a 404', async () => {
		const uploaded = await ok('/media', { media: { base64: PNG.toString('base64'), mimetype: 'image/png', fileName: 'logo.png' } });
		expect(uploaded).toMatchObject({ mediaId: expect.stringMatching(/^med_/), size: PNG.length, mimetype: 'image/png', fileName: 'logo.png' });
		const sent = await ok('/messages/image', { to: ALICE, image: { mediaId: uploaded.mediaId } });
		const got = await receivedBy(alice, sent.id);
		expect(got.media?.data.equals(PNG)).toBe(true);
		const missing = await post('/messages/image', { to: ALICE, image: { mediaId: 'med_doesnotexist00' } });
		expect(missing.status).toBe(404);
	});
});

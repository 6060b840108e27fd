import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runNode, sessionById } from './helpers.js';

/**
 * The node's message, message-action, presence and media operations run through n8n-core against an engine with
 * the sandbox; each checks what the simulated contact really received, or what came back as n8n binary data.
 */
const SESSION = 'nodemsg';
const SHOP = '4915300000001';
const ALICE = '4917300000002';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

let engine: TestEngine;
let alice: SimContact;
const session = sessionById(SESSION);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP, { bodyLimit: '5mb' });
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
});
afterAll(async () => {
	await engine?.dispose();
});

const fromShop = async (text: string) => {
	const sent = await alice.sendText(SHOP, text);
	await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.id);
	return sent.id;
};

describe('WhatsApp node › messages against the sandbox', () => {
	it('sendImage takes the binary data of the input item; the contact gets the same bytes', async () => {
		const result = await runNode(
			engine,
			{ resource: 'message', operation: 'sendImage', session, to: `+${ALICE}`, mediaSource: 'binary', binaryPropertyName: 'photo', caption: 'From n8n' },
			{ items: [{ json: {}, binary: { photo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'p.png' } } }] },
		);
		expect(result.run.status).toBe('success');
		const { id } = result.items[0].json as { id: string };
		const got = await alice.waitForMessage((m) => m.id === id, 15_000);
		expect(got).toMatchObject({ type: 'imageMessage', caption: 'From n8n' });
		expect(got.media?.data.equals(PNG)).toBe(true);
	});

	it('sendText with a reply and a disappearing timer', async () => {
		const original = await fromShop('question from Alice');
		const result = await runNode(engine, {
			resource: 'message',
			operation: 'sendText',
			session,
			to: ALICE,
			text: 'answer from n8n',
			options: { replyTo: original, ephemeralSeconds: 604800 },
		});
		expect(result.run.status).toBe('success');
		const got = await alice.waitForMessage((m) => m.id === (result.items[0].json.id as string), 15_000);
		expect(got.text).toBe('answer from n8n');
		expect(got.quotedId).toBe(original);
		expect((got.raw.message?.extendedTextMessage?.contextInfo ?? {}).expiration).toBe(604800);
	});

	it('sendLocation and sendPoll', async () => {
		const location = await runNode(engine, { resource: 'message', operation: 'sendLocation', session, to: ALICE, latitude: 48.1372, longitude: 11.5756, name: 'Marienplatz' });
		const poll = await runNode(engine, { resource: 'message', operation: 'sendPoll', session, to: ALICE, question: 'Colour?', pollOptions: 'Red, Green, Blue', maxAnswers: 1 });
		const gotLocation = await alice.waitForMessage((m) => m.id === (location.items[0].json.id as string), 15_000);
		expect(gotLocation.raw.message?.locationMessage).toMatchObject({ degreesLatitude: 48.1372, degreesLongitude: 11.5756, name: 'Marienplatz' });
		const gotPoll = await alice.waitForMessage((m) => m.id === (poll.items[0].json.id as string), 15_000);
		const p = gotPoll.raw.message?.pollCreationMessage ?? gotPoll.raw.message?.pollCreationMessageV3;
		expect(p?.options?.map((o) => o.optionName)).toEqual(['Red', 'Green', 'Blue']);
	});

	it('sendButtons with buttons given as JSON', async () => {
		const result = await runNode(engine, {
			resource: 'message',
			operation: 'sendButtons',
			session,
			to: ALICE,
			text: 'Confirm?',
			buttons: '[{"type":"reply","text":"Yes","id":"yes"}]',
		});
		expect(result.run.status).toBe('success');
		const got = await alice.waitForMessage((m) => m.id === (result.items[0].json.id as string), 15_000);
		expect(got.raw.message?.interactiveMessage?.nativeFlowMessage?.buttons?.[0].name).toBe('quick_reply');
	});

	it('reactToMessage and editMessage', async () => {
		const incoming = await fromShop('react to me');
		const reaction = await runNode(engine, { resource: 'messageAction', operation: 'reactToMessage', session, chat: ALICE, messageId: incoming, emoji: '👍' });
		expect(reaction.run.status).toBe('success');
		const gotReaction = await alice.waitForMessage((m) => m.reaction?.targetId === incoming, 15_000);
		expect(gotReaction.reaction?.emoji).toBe('👍');

		const sent = await runNode(engine, { resource: 'message', operation: 'sendText', session, to: ALICE, text: 'typo' });
		const sentId = sent.items[0].json.id as string;
		await alice.waitForMessage((m) => m.id === sentId, 15_000);
		const edit = await runNode(engine, { resource: 'messageAction', operation: 'editMessage', session, chat: ALICE, messageId: sentId, text: 'fixed' });
		expect(edit.run.status).toBe('success');
		expect((await alice.waitForMessage((m) => m.edit?.targetId === sentId, 15_000)).edit?.text).toBe('fixed');
	});

	it('sendChatPresence shows typing to the contact', async () => {
		const before = alice.presences().length;
		const result = await runNode(engine, { resource: 'presence', operation: 'sendChatPresence', session, to: ALICE, state: 'composing' });
		expect(result.run.status).toBe('success');
		const typing = await (alice as unknown as { waitFor<T>(c: () => T | undefined, t: number, w: string): Promise<T> }).waitFor(
			() => alice.presences().slice(before).find((p) => p.presence === 'composing'),
			15_000,
			'typing',
		);
		expect(typing.participant).toContain(SHOP);
	});

	it('downloadMedia puts a received document into the chosen binary field with its type and name', async () => {
		const incoming = await alice.sendDocument(SHOP, PDF, { fileName: 'offer.pdf', mimetype: 'application/pdf' });
		await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === incoming.id);
		const result = await runNode(engine, { resource: 'media', operation: 'downloadMedia', session, chat: ALICE, messageId: incoming.id, binaryPropertyName: 'file' });
		expect(result.run.status).toBe('success');
		const [item] = result.items;
		expect(item.json).toMatchObject({ fileName: 'offer.pdf', mimeType: 'application/pdf', fileSize: PDF.length });
		expect(item.binary?.file).toMatchObject({ mimeType: 'application/pdf', fileName: 'offer.pdf' });
		expect(Buffer.from(item.binary!.file.data, 'base64').equals(PDF)).toBe(true);
	});

	it('uploadMedia, then sendDocument by the returned media id', async () => {
		const upload = await runNode(engine, { resource: 'media', operation: 'uploadMedia', session, mediaSource: 'base64', base64: PDF.toString('base64'), mimetype: 'application/pdf' });
		expect(upload.run.status).toBe('success');
		const mediaId = upload.items[0].json.mediaId as string;
		expect(mediaId).toMatch(/^med_/);
		const sent = await runNode(engine, { resource: 'message', operation: 'sendDocument', session, to: ALICE, mediaSource: 'mediaId', mediaId, fileName: 'terms.pdf' });
		const got = await alice.waitForMessage((m) => m.id === (sent.items[0].json.id as string), 15_000);
		expect(got.media).toMatchObject({ fileName: 'terms.pdf', mimetype: 'application/pdf' });
		expect(got.media?.data.equals(PDF)).toBe(true);
	});

	it('continueOnFail: an unknown message becomes an error item with the engine status and code', async () => {
		const result = await runNode(
			engine,
			{ resource: 'messageAction', operation: 'reactToMessage', session, chat: ALICE, messageId: 'UNKNOWNMSG', emoji: '👍' },
			{ node: { onError: 'continueRegularOutput' } },
		);
		// Reacting to an id the engine does not remember is allowed (WhatsApp matches by id); deleting for me is not.
		expect(result.run.status).toBe('success');
		const failed = await runNode(
			engine,
			{ resource: 'messageAction', operation: 'deleteMessageForMe', session, chat: ALICE, messageId: 'UNKNOWNMSG' },
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(failed.run.status).toBe('success');
		expect(failed.items[0].json).toMatchObject({ httpCode: '404', code: 'message_not_found', error: expect.stringContaining('UNKNOWNMSG') });
	});

	it('a media URL pointing at a private address is refused by the engine (422)', async () => {
		const result = await runNode(
			engine,
			{ resource: 'message', operation: 'sendImage', session, to: ALICE, mediaSource: 'url', mediaUrl: `${engine.url}/health` },
			{ node: { onError: 'continueRegularOutput' } },
		);
		expect(result.items[0].json).toMatchObject({ httpCode: '422', code: 'media_url_refused' });
	});

	it("sendText's Echo As Event option overrides the session's API echo setting, both ways", async () => {
		const echoed = (id: unknown) => engine.events.list({ after: 0, limit: 1_000_000 }).some((e) => e.type === 'message.sent' && e.data.id === id);
		const send = async (text: string, echo: string) => {
			const result = await runNode(engine, { resource: 'message', operation: 'sendText', session, to: `+${ALICE}`, text, options: { echo } });
			expect(result.run.status).toBe('success');
			// The contact has it, so the engine is done with the send and any echo is already logged.
			await alice.waitForMessage((m) => m.id === result.items[0].json.id, 15_000);
			return result.items[0].json.id;
		};
		expect((await engine.call('PUT', `/api/sessions/${SESSION}/settings/api-echo`, { body: { enabled: false } })).status).toBe(200);
		expect(echoed(await send('not logged', 'session'))).toBe(false);
		expect(echoed(await send('logged anyway', 'yes'))).toBe(true);
		expect((await engine.call('PUT', `/api/sessions/${SESSION}/settings/api-echo`, { body: { enabled: true } })).status).toBe(200);
		expect(echoed(await send('logged by default', 'session'))).toBe(true);
		expect(echoed(await send('kept quiet', 'no'))).toBe(false);
	});
});

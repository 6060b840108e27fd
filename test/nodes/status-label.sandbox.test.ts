import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runError, runNode, sessionById } from './helpers.js';

/** The status and label resources through n8n-core, checked on what the simulated contact and WhatsApp's sync saw. */
const SESSION = 'stories';
const SHOP = '4915400000031';
const KAI = '4917400000032';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let engine: TestEngine;
let kai: SimContact;
const session = sessionById(SESSION);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	kai = await engine.sandbox!.createContact({ phone: KAI, name: 'Kai' });
});
afterAll(async () => {
	await engine?.dispose();
});

test("status › post text with no recipients and no stored contacts fails the node with the engine's reason", async () => {
	expect((await engine.call('GET', `/api/sessions/${SESSION}/contacts`)).body).toEqual([]);
	const result = await runNode(engine, { resource: 'status', operation: 'sendTextStatus', session, text: 'anyone there?' });
	expect(result.run.status).toBe('error');
	expect(runError(result)?.message).toMatch(/no recipients/);
});

test('status › post image takes the binary data of the input item; the listed contact gets the same bytes', async () => {
	const result = await runNode(
		engine,
		{ resource: 'status', operation: 'sendImageStatus', session, mediaSource: 'binary', binaryPropertyName: 'photo', caption: 'new in', recipients: `+${KAI}` },
		{ items: [{ json: {}, binary: { photo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'p.png' } } }] },
	);
	expect(result.run.status).toBe('success');
	expect(result.items[0].json).toMatchObject({ recipients: [`${KAI}@s.whatsapp.net`] });
	const got = await kai.waitForMessage((m) => m.id === result.items[0].json.id, 15_000);
	expect(got).toMatchObject({ chat: 'status@broadcast', fromPhone: SHOP, caption: 'new in', media: { mimetype: 'image/png' } });
	expect(got.media?.data.equals(PNG)).toBe(true);
});

test('status › post text sends the colours and font picked in the node', async () => {
	const result = await runNode(engine, {
		resource: 'status',
		operation: 'sendTextStatus',
		session,
		text: 'closed tomorrow',
		recipients: KAI,
		options: { backgroundColor: '#112233', textColor: '#ffeedd', font: 'courierPrime' },
	});
	expect(result.run.status).toBe('success');
	const got = await kai.waitForMessage((m) => m.id === result.items[0].json.id, 15_000);
	expect(got.raw.message?.extendedTextMessage).toMatchObject({ text: 'closed tomorrow', backgroundArgb: 0xff112233, textArgb: 0xffffeedd, font: 10 });
});

test('label › manage creates a label and label chat puts it on a chat, as WhatsApp syncs them back to the session', async () => {
	// The phone shares the app-state key shortly after linking; WhatsApp takes label changes only after that.
	const deadline = Date.now() + 15_000;
	while ((await engine.call('POST', `/api/sessions/${SESSION}/chats/${KAI}/pin`, { body: { pin: false } })).status !== 200) {
		if (Date.now() > deadline) throw new Error('the app-state key never arrived');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const created = await runNode(engine, { resource: 'label', operation: 'manageLabel', session, labelAction: 'create', name: 'Follow up', color: 5 });
	expect(created.run.status).toBe('success');
	const labelId = created.items[0].json.labelId as string;
	expect(created.items[0].json).toMatchObject({ name: 'Follow up', color: 5, deleted: false });
	const edit = await engine.waitForEvent((e) => e.session === SESSION && e.type === 'label.edit' && e.data.labelId === labelId);
	expect(edit.data).toMatchObject({ name: 'Follow up', color: 5 });

	const chat = { __rl: true, mode: 'phone', value: `+${KAI}` };
	const labelled = await runNode(engine, { resource: 'label', operation: 'labelChat', session, chat, labelId, apply: true });
	expect(labelled.items[0].json).toMatchObject({ chat: `${KAI}@s.whatsapp.net`, labelId, applied: true });
	await engine.waitForEvent((e) => e.session === SESSION && e.type === 'label.added' && e.data.labelId === labelId && (e as { chat?: { id?: string } }).chat?.id === `${KAI}@s.whatsapp.net`);
});

import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { ADMIN_KEY, startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/** Files sent as multipart/form-data, the way `curl -F` or an HTML form sends them, end to end to a contact. */
const SESSION = 'forms';
const SHOP = '4915300000001';
const DORA = '4917300000002';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let engine: TestEngine;
let dora: SimContact;

const postForm = async (path: string, form: FormData) => {
	const response = await fetch(`${engine.url}/api/sessions/${SESSION}${path}`, { method: 'POST', headers: { 'x-api-key': ADMIN_KEY }, body: form });
	return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP, { mediaMaxBytes: 4096 });
	dora = await engine.sandbox!.createContact({ phone: DORA, name: 'Dora' });
});
afterAll(async () => {
	await engine?.dispose();
});

test('an image uploaded as a form part reaches the contact byte for byte, with the text fields', async () => {
	const form = new FormData();
	form.append('to', `+${DORA}`);
	form.append('caption', 'from a form');
	form.append('image', new Blob([PNG], { type: 'image/png' }), 'dot.png');
	const sent = await postForm('/messages/image', form);
	expect(sent.status).toBe(201);
	const received = await dora.waitForMessage((m) => m.id === sent.body.id, 15_000);
	expect(received.caption).toBe('from a form');
	expect(received.media?.mimetype).toBe('image/png');
	expect(received.media?.data.equals(PNG)).toBe(true);
});

test('nested values travel as JSON in a payload field; an uploaded file is sent later by its id', async () => {
	const upload = new FormData();
	upload.append('media', new Blob([Buffer.from('%PDF-1.4 tiny')], { type: 'application/pdf' }), 'terms.pdf');
	const stored = await postForm('/media', upload);
	expect(stored.status).toBe(201);
	expect(stored.body).toMatchObject({ mimetype: 'application/pdf', fileName: 'terms.pdf', size: 13 });

	const form = new FormData();
	form.append('payload', JSON.stringify({ to: DORA, document: { mediaId: stored.body.mediaId } }));
	const sent = await postForm('/messages/document', form);
	expect(sent.status).toBe(201);
	const received = await dora.waitForMessage((m) => m.id === sent.body.id, 15_000);
	expect(received.media?.fileName).toBe('terms.pdf');
	expect(received.media?.data.toString()).toBe('%PDF-1.4 tiny');
});

test('the OpenAPI document offers multipart bodies where media is taken', async () => {
	const { body } = await engine.call('GET', '/openapi.json', { key: null });
	expect(body.paths['/api/sessions/{session}/messages/image'].post.requestBody.content).toHaveProperty('multipart/form-data');
	expect(body.paths['/api/sessions/{session}/messages/text'].post.requestBody.content).not.toHaveProperty('multipart/form-data');
});

test('a file over the media limit is refused with 413 and nothing is sent', async () => {
	const before = dora.received().length;
	const form = new FormData();
	form.append('to', DORA);
	form.append('image', new Blob([Buffer.alloc(5000, 7)], { type: 'image/png' }), 'big.png');
	const refused = await postForm('/messages/image', form);
	expect(refused.status).toBe(413);
	expect(refused.body.error.code).toBe('payload_too_large');
	const malformed = new FormData();
	malformed.append('payload', '{not json');
	expect((await postForm('/messages/text', malformed)).status).toBe(400);
	// The engine still works, and the contact got nothing from the refused request.
	const sent = await engine.call('POST', `/api/sessions/${SESSION}/messages/text`, { body: { to: DORA, text: 'still here' } });
	await dora.waitForMessage((m) => m.id === sent.body.id, 15_000);
	expect(dora.received().slice(before).map((m) => m.text ?? m.type)).toEqual(['still here']);
});

import { startTestEngine, type TestEngine } from '../helpers/engine.js';
import { runNode, sessionById } from './helpers.js';

/**
 * Against the engine's WhatsApp sandbox (real Baileys sockets, simulated WhatsApp): a QR code exists, can be
 * delivered as an image, and a linked session really sends a text that the other side receives.
 */
let engine: TestEngine;
beforeAll(async () => {
	engine = await startTestEngine({ sandbox: true });
	const created = await engine.call('POST', '/api/sessions', { body: { id: 'sbx', start: true } });
	expect(created.status).toBe(201);
});
afterAll(async () => {
	await engine.dispose();
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('WhatsApp node › against the sandbox', () => {
	it('gets the QR code as JSON', async () => {
		const result = await runNode(engine, { resource: 'session', operation: 'getQrCode', session: sessionById('sbx'), options: { wait: 20 } });
		expect(result.run.status).toBe('success');
		expect(result.items[0].json).toEqual({ value: expect.any(String), expiresAt: expect.any(Number), dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
	});

	it('puts the QR code as a PNG into the chosen binary property', async () => {
		const result = await runNode(engine, {
			resource: 'session',
			operation: 'getQrCode',
			session: sessionById('sbx'),
			asImage: true,
			binaryPropertyName: 'qr',
			options: { wait: 20 },
		});
		expect(result.run.status).toBe('success');
		const [item] = result.items;
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ session: 'sbx', mimeType: 'image/png' });
		expect(item.binary?.qr).toMatchObject({ mimeType: 'image/png', fileName: 'sbx-qr.png', fileExtension: 'png' });
		const bytes = Buffer.from(item.binary!.qr.data, 'base64');
		expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
		expect(bytes.length).toBe(item.json.fileSize);
	});

	it('sends a text from a linked session to a contact, who receives it', async () => {
		const sandbox = engine.sandbox!;
		const qr = await engine.call('GET', '/api/sessions/sbx/qr?wait=20');
		const connected = engine.events.next((event) => event.session === 'sbx' && event.type === 'session.connected', 20_000);
		await sandbox.scanQr(qr.body.value, { phone: '15550003333', name: 'Owner' });
		expect(await connected).toBeDefined();

		const friend = await sandbox.createContact({ phone: '15550004444', name: 'Friend' });
		const result = await runNode(engine, { resource: 'message', operation: 'sendText', session: sessionById('sbx'), to: '+1 555 000 4444', text: 'Hello from n8n' });
		expect(result.run.status).toBe('success');
		expect(result.items[0].json).toMatchObject({ id: expect.any(String), to: '15550004444@s.whatsapp.net' });
		const received = await friend.waitForMessage((m) => JSON.stringify(m).includes('Hello from n8n'), 10_000);
		expect(received).toBeDefined();
	});
});

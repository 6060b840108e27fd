import type { IBinaryData } from 'n8n-workflow';
import { startTriggerHost, type TriggerHost } from '../../runner/dist/index.js';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { credentialsFor, PACKAGE_DIR, sessionById } from './helpers.js';

/**
 * The WhatsApp Trigger's Attach Media option, run by n8n-core: a real image sent by a simulated contact becomes
 * the item's binary data, byte for byte; with the session's skipMediaDownload setting the trigger leaves it.
 */
const SHOP = '15550005656';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

let engine: TestEngine;
let host: TriggerHost;
let friend: SimContact;

beforeAll(async () => {
	engine = await startPairedSandboxEngine('trm', SHOP);
	friend = await engine.sandbox!.createContact({ phone: '15550007878', name: 'Customer' });
	host = await startTriggerHost({
		packageDirs: [PACKAGE_DIR],
		node: {
			id: 'trigger-media',
			name: 'WhatsApp Trigger',
			type: 'n8n-nodes-whatsapp-engine.whatsAppTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { session: sessionById('trm'), events: ['message.received'], options: { attachMedia: true, binaryPropertyName: 'photo' } },
		},
		credentials: credentialsFor(engine),
	});
	await host.activate('production');
});
afterAll(async () => {
	await host?.close();
	await engine.dispose();
});

/** The item the trigger emitted for WhatsApp message `id`. */
const itemFor = async (id: string) => {
	const find = () => host.requests.flatMap((r) => r.items).find((item) => (item.json.data as { id?: string } | undefined)?.id === id);
	await host.waitFor(() => find() !== undefined);
	return find()!;
};

describe('WhatsApp Trigger › Attach Media', () => {
	it('puts a received image into the binary property, with its MIME type', async () => {
		const { id } = await friend.sendImage(SHOP, PNG, { caption: 'the damaged part', mimetype: 'image/png' });
		const item = await itemFor(id);
		expect(item.json).toMatchObject({ type: 'message.received', data: { type: 'image', caption: 'the damaged part', media: { mimetype: 'image/png' } } });
		expect(item.json).not.toHaveProperty('mediaError');
		const photo = item.binary?.photo as IBinaryData;
		expect(photo.mimeType).toBe('image/png');
		expect(Buffer.from(photo.data, 'base64').equals(PNG)).toBe(true);
	});

	it('leaves the media alone when the session skips media downloads, and text messages have no binary', async () => {
		expect((await engine.call('PUT', '/api/sessions/trm/settings/skip-media-download', { body: { enabled: true } })).status).toBe(200);
		const { id } = await friend.sendImage(SHOP, PNG, { caption: 'no download' });
		const skipped = await itemFor(id);
		expect(skipped.json).toMatchObject({ data: { media: { skipDownload: true } } });
		expect(skipped.binary).toBeUndefined();

		const { id: text } = await friend.sendText(SHOP, 'just words');
		expect((await itemFor(text)).binary).toBeUndefined();
	});
});

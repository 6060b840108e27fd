import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * The label resource against the sandbox with real Baileys sockets: the engine's session `desk` edits labels and
 * a second linked device `laptop` of the same account must learn every change from WhatsApp's app-state sync, as
 * its own Baileys events (`labels.edit`, `labels.association`) that the engine logs as `label.*` events.
 */
const SHOP = '4915600000011';
const GINA = '4917600000012';
const GINA_JID = `${GINA}@s.whatsapp.net`;

let engine: TestEngine;
let gina: SimContact;
let question: string;

const post = (session: string, path: string, body?: unknown) => engine.call('POST', `/api/sessions/${session}${path}`, { body });

/** The laptop's own event for a change, which it only gets by syncing the desk's patch. */
const onLaptop = (type: string, matches: (data: Record<string, unknown>, chat?: { id?: string }) => boolean) =>
	engine.waitForEvent((e) => e.session === 'laptop' && e.type === type && matches(e.data as Record<string, unknown>, (e as { chat?: { id?: string } }).chat), 20_000);

/** Polls until `check` holds: the phone shares the app-state sync key with each device shortly after linking. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`${what}: not true after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

const appStateReady = async (session: string) => (await post(session, `/chats/${GINA}/pin`, { pin: false })).status === 200;

beforeAll(async () => {
	engine = await startPairedSandboxEngine('desk', SHOP);
	await engine.call('POST', '/api/sessions', { body: { id: 'laptop' } });
	const qr = await engine.call('GET', '/api/sessions/laptop/qr?wait=20');
	const connected = engine.waitForEvent((e) => e.session === 'laptop' && e.type === 'session.connected', 20_000);
	await engine.sandbox!.scanQr(qr.body.value, { phone: SHOP, name: 'Shop' });
	await connected;
	gina = await engine.sandbox!.createContact({ phone: GINA, name: 'Gina' });
	question = (await gina.sendText(SHOP, 'is my order ready?')).id;
	await engine.waitForEvent((e) => e.session === 'desk' && e.type === 'message.received' && e.data.id === question);
	await eventually('app-state key on desk', () => appStateReady('desk'));
	await eventually('app-state key on laptop', () => appStateReady('laptop'));
});
afterAll(async () => {
	await engine?.dispose();
});

describe('labels, synced to the account’s other device', () => {
	let labelId: string;

	it('manageLabel creates a label the other device sees with its name and colour', async () => {
		const created = await post('desk', '/labels', { name: 'Paid', color: 4 });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ ok: true, labelId: expect.any(String), name: 'Paid', color: 4, deleted: false });
		labelId = created.body.labelId;
		const seen = await onLaptop('label.edit', (d) => d.labelId === labelId);
		expect(seen.data).toMatchObject({ labelId, name: 'Paid', color: 4, deleted: false });
	});

	it('manageLabel renames and recolours a label by id', async () => {
		const edited = await post('desk', '/labels', { labelId, name: 'Paid in full', color: 7 });
		expect(edited.status).toBe(200);
		const seen = await onLaptop('label.edit', (d) => d.labelId === labelId && d.name === 'Paid in full');
		expect(seen.data).toMatchObject({ color: 7, deleted: false });
	});

	it('labelChat puts the label on a chat and takes it off again', async () => {
		const added = await post('desk', `/chats/${GINA}/labels/${labelId}`, {});
		expect(added.status).toBe(200);
		expect(added.body).toMatchObject({ ok: true, chat: GINA_JID, labelId, applied: true });
		const seen = await onLaptop('label.added', (d, chat) => d.labelId === labelId && chat?.id === GINA_JID && d.messageId === undefined);
		expect(seen.data).toEqual({ labelId });

		const removed = await post('desk', `/chats/${GINA}/labels/${labelId}`, { apply: false });
		expect(removed.body).toMatchObject({ applied: false });
		await onLaptop('label.removed', (d, chat) => d.labelId === labelId && chat?.id === GINA_JID && d.messageId === undefined);
	});

	it('labelMessage puts the label on one message and takes it off again', async () => {
		const added = await post('desk', `/chats/${GINA}/messages/${question}/labels/${labelId}`, {});
		expect(added.status).toBe(200);
		expect(added.body).toMatchObject({ ok: true, chat: GINA_JID, labelId, messageId: question, applied: true });
		await onLaptop('label.added', (d, chat) => d.labelId === labelId && d.messageId === question && chat?.id === GINA_JID);

		await post('desk', `/chats/${GINA}/messages/${question}/labels/${labelId}`, { apply: false });
		await onLaptop('label.removed', (d) => d.labelId === labelId && d.messageId === question);
	});

	it('manageLabel deletes a label', async () => {
		const deleted = await post('desk', '/labels', { labelId, delete: true });
		expect(deleted.status).toBe(200);
		expect(deleted.body).toEqual({ ok: true, labelId, deleted: true });
		await onLaptop('label.deleted', (d) => d.labelId === labelId && d.deleted === true);
	});

	it('rejects a label without name or colour, and deleting without an id, with a 400', async () => {
		const unnamed = await post('desk', '/labels', { color: 2 });
		expect(unnamed.status).toBe(400);
		expect(JSON.stringify(unnamed.body)).toContain('name and color are required');
		const anonymous = await post('desk', '/labels', { delete: true });
		expect(anonymous.status).toBe(400);
		expect(JSON.stringify(anonymous.body)).toContain('labelId');
		expect((await post('desk', '/labels', { name: 'x', color: 20 })).status).toBe(400);
	});
});

import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { runNode, sessionById } from './helpers.js';

/** The group and webhook resources of the node, run through n8n-core against an engine with the sandbox. */
const SESSION = 'teams';
const SHOP = '4915500000001';
const GINA = '4917500000002';
const HANS = '4917500000003';

let engine: TestEngine;
let gina: SimContact;
let hans: SimContact;
const session = sessionById(SESSION);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	gina = await engine.sandbox!.createContact({ phone: GINA, name: 'Gina' });
	hans = await engine.sandbox!.createContact({ phone: HANS, name: 'Hans' });
});
afterAll(async () => {
	await engine?.dispose();
});

test('group › create: the members can receive the group message the node sends next', async () => {
	const created = await runNode(engine, { resource: 'group', operation: 'createGroup', session, subject: 'Night shift', participants: `+${GINA}, ${HANS}` });
	expect(created.run.status).toBe('success');
	const group = created.items[0].json as { id: string; subject: string; participants: string[] };
	expect(group.subject).toBe('Night shift');
	expect(group.id).toMatch(/@g\.us$/);

	const sent = await runNode(engine, { resource: 'message', operation: 'sendText', session, to: { __rl: true, mode: 'id', value: group.id }, text: 'Shift starts at 10' });
	expect(sent.run.status).toBe('success');
	for (const member of [gina, hans]) {
		const received = await member.waitForMessage((m) => m.id === sent.items[0].json.id, 15_000);
		expect(received).toMatchObject({ chat: group.id, text: 'Shift starts at 10' });
	}
});

test('webhook › set is idempotent per URL, get lists it, delete removes it', async () => {
	const parameters = { resource: 'webhook', operation: 'setWebhook', url: 'https://hooks.example.test/wa', session: SESSION, events: ['message.received'] };
	const first = await runNode(engine, parameters);
	const again = await runNode(engine, parameters);
	expect(first.run.status).toBe('success');
	const id = first.items[0].json.id;
	expect(again.items[0].json.id).toBe(id);

	const listed = await runNode(engine, { resource: 'webhook', operation: 'getWebhooks', session: SESSION });
	expect(listed.items.map((item) => item.json.id)).toEqual([id]);
	expect(listed.items[0].json).not.toHaveProperty('secret');

	const deleted = await runNode(engine, { resource: 'webhook', operation: 'deleteWebhook', webhookId: id });
	expect(deleted.run.status).toBe('success');
	const after = await engine.call('GET', `/api/webhooks?session=${SESSION}`);
	expect(after.body).toEqual([]);
});

import { createRequire } from 'node:module';
import type { GroupParticipant } from '@whiskeysockets/baileys';
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { InMemoryCredentialsHelper, loadNodeTypes } from '../../runner/dist/index.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { waitForEvent } from '../sandbox/helpers.js';
import { credentialsFor, PACKAGE_DIR, runError, runNode, sessionById, whatsAppNode } from './helpers.js';

/**
 * The group resource of the node through n8n-core against the sandbox: the options, binary photos, the Group field's
 * list search and the engine's errors, each checked on what the simulated members saw.
 */
const SESSION = 'clubs';
const SHOP = '4915600000001';
const IDA = '4917600000002';
const JON = '4917600000003';
const KIM = '4917600000004';

// The CJS builds, as the runner uses them (n8n-workflow's ESM build cannot be loaded by jest).
const require = createRequire(import.meta.url);
const { LoadOptionsContext } = require('n8n-core') as { LoadOptionsContext: new (...args: unknown[]) => ILoadOptionsFunctions };
const { Workflow } = require('n8n-workflow') as { Workflow: new (options: object) => unknown };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let engine: TestEngine;
let ida: SimContact;
let jon: SimContact;
let kim: SimContact;
const session = sessionById(SESSION);
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const isContact = (c: SimContact) => (p: { id: string; phoneNumber?: string }) => p.id === c.jid || p.id === c.lid || p.phoneNumber === c.jid;

/** Creates a group through the node and answers its engine JSON. */
const createGroup = async (subject: string, extra: IDataObject = {}) => {
	const created = await runNode(engine, { resource: 'group', operation: 'createGroup', session, subject, participants: `+${IDA}, ${JON}`, ...extra });
	expect(created.run.status).toBe('success');
	return created.items[0].json as { id: string; subject: string; setup?: Record<string, unknown> };
};

/**
 * Runs a list search method of the node the way n8n's editor does: a LoadOptionsContext over a workflow holding the
 * node with the parameters the user has filled in so far.
 */
async function listSearch(method: string, parameters: IDataObject, filter?: string): Promise<INodeListSearchResult> {
	const nodeTypes = await loadNodeTypes([PACKAGE_DIR]);
	const credentials = credentialsFor(engine);
	const node = { ...whatsAppNode(parameters), credentials: { whatsAppEngineApi: { id: 'whatsAppEngineApi', name: 'whatsAppEngineApi' } } };
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const additionalData = {
		credentialsHelper: new InMemoryCredentialsHelper(nodeTypes, credentials),
		currentNodeParameters: node.parameters,
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.group');
	const type = nodeTypes.getByNameAndVersion(node.type, 1) as { methods: { listSearch: Record<string, (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>> } };
	return await type.methods.listSearch[method].call(context, filter);
}

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	[ida, jon, kim] = await Promise.all([
		engine.sandbox!.createContact({ phone: IDA, name: 'Ida' }),
		engine.sandbox!.createContact({ phone: JON, name: 'Jon' }),
		engine.sandbox!.createContact({ phone: KIM, name: 'Kim' }),
	]);
});
afterAll(async () => {
	await engine?.dispose();
});

test('create with options: admins, description and settings reach the members', async () => {
	const group = await createGroup('Book club', { options: { admins: `+${IDA}`, description: 'One book a month', locked: true, ephemeral: '90d' } });
	expect(group.setup).toMatchObject({ description: 'ok', locked: 'ok', ephemeral: 'ok', admins: [{ ok: true }] });
	const seen = await jon.socket.groupMetadata(group.id);
	expect(seen).toMatchObject({ subject: 'Book club', desc: 'One book a month', restrict: true, ephemeralDuration: 7_776_000 });
	expect(seen.participants.find(isContact(ida))?.admin).toBe('admin');
});

test('the Group field lists the session\'s groups and filters them; a picked group works in the next operation', async () => {
	const chess = await createGroup('Chess evening');
	const poker = await createGroup('Poker night');
	const all = await listSearch('searchGroups', { resource: 'group', operation: 'getGroupInfo', session });
	expect(all.results).toEqual(expect.arrayContaining([
		{ name: `Chess evening (${chess.id})`, value: chess.id },
		{ name: `Poker night (${poker.id})`, value: poker.id },
	]));
	const filtered = await listSearch('searchGroups', { resource: 'group', operation: 'getGroupInfo', session }, 'chess');
	expect(filtered.results.map((r) => r.value)).toEqual([chess.id]);

	const renamed = waitForEvent(ida.socket, 'groups.update', (updates: Array<{ id: string; subject?: string }>) => updates.find((u) => u.id === chess.id && u.subject));
	const result = await runNode(engine, { resource: 'group', operation: 'setGroupName', session, group: { __rl: true, mode: 'list', value: filtered.results[0].value }, name: 'Chess & tea' });
	expect(result.run.status).toBe('success');
	expect((await renamed).subject).toBe('Chess & tea');
});

test('set photo from the binary data of the input item: members are told and can fetch it', async () => {
	const group = await createGroup('Photo club');
	const changed = waitForEvent(jon.socket, 'contacts.update', (updates: Array<{ id: string; imgUrl?: string }>) => updates.find((u) => u.id === group.id && u.imgUrl === 'changed'));
	const result = await runNode(
		engine,
		{ resource: 'group', operation: 'setGroupPhoto', session, group: byId(group.id), mediaSource: 'binary', binaryPropertyName: 'logo' },
		{ items: [{ json: {}, binary: { logo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'logo.png' } } }] },
	);
	expect(result.run.status).toBe('success');
	await changed;
	expect(await jon.socket.profilePictureUrl(group.id, 'image')).toMatch(/^https:\/\//);
});

test('update members with a comma-separated list; get many lists the group with its new member', async () => {
	const group = await createGroup('Running club');
	const added = waitForEvent(ida.socket, 'group-participants.update', (u: { id: string; action: string; participants: GroupParticipant[] }) =>
		u.id === group.id && u.action === 'add' ? u : undefined,
	);
	const result = await runNode(engine, { resource: 'group', operation: 'updateGroupParticipants', session, group: byId(group.id), participantAction: 'add', participants: `+${KIM}` });
	expect(result.run.status).toBe('success');
	expect(result.items.map((item) => item.json)).toEqual([expect.objectContaining({ ok: true, status: 200, participant: expect.objectContaining({ phone: KIM }) })]);
	expect((await added).participants.some(isContact(kim))).toBe(true);

	const listed = await runNode(engine, { resource: 'group', operation: 'listGroups', session, search: 'running' });
	expect(listed.items).toHaveLength(1);
	expect((listed.items[0].json.participants as Array<{ phone?: string }>).map((p) => p.phone).sort()).toEqual([SHOP, IDA, JON, KIM].sort());
});

test('update group info reports each part; the invite link it locks behind approval files a join request', async () => {
	const group = await createGroup('Garden club');
	const result = await runNode(engine, {
		resource: 'group',
		operation: 'updateGroupInfo',
		session,
		group: byId(group.id),
		updateFields: { name: 'Garden & co', joinApproval: true },
	});
	expect(result.items[0].json).toEqual({ ok: true, group: group.id, results: { subject: 'ok', joinApproval: 'ok' } });

	const link = await runNode(engine, { resource: 'group', operation: 'getGroupInviteLink', session, group: byId(group.id) });
	const code = link.items[0].json.code as string;
	expect(await kim.socket.groupAcceptInvite(code)).toBeUndefined();
	const requests = await runNode(engine, { resource: 'group', operation: 'listGroupJoinRequests', session, group: byId(group.id) });
	expect(requests.items.map((item) => (item.json.participant as { phone?: string }).phone)).toEqual([KIM]);
});

test('delete fails with the engine\'s 422 and its advice; with continue-on-fail it becomes an error item', async () => {
	const group = await createGroup('Forever');
	const failed = await runNode(engine, { resource: 'group', operation: 'deleteGroup', session, group: byId(group.id) });
	expect(failed.run.status).toBe('error');
	const error = runError(failed);
	expect(error?.httpCode).toBe('422');
	expect(error?.message).toMatch(/no way to delete a group/);

	const continued = await runNode(engine, { resource: 'group', operation: 'deleteGroup', session, group: byId(group.id) }, { node: { onError: 'continueRegularOutput' } });
	expect(continued.items[0].json).toMatchObject({ httpCode: '422', code: 'not_supported' });
	expect((await ida.socket.groupMetadata(group.id)).subject).toBe('Forever');
});

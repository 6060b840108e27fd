import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { loadWorkflowFolder, readWorkflowFile, runWorkflow, serve, UnknownNodeTypeError } from '../../runner/dist/index.js';
import { ADMIN_KEY, startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { EXAMPLES, FIXTURES, PACKAGE_DIR, RunLog, engineCredentials, engineEnv, spawnRunner } from './helpers.js';

/** The runner's `serve` and `run` beyond the happy path: failing workflows, restarts, missing node types. */
const SESSION = 'desk';
const DESK = '4915200000001';

let engine: TestEngine;
let dave: SimContact;
let erin: SimContact;
const tempDir = mkdtempSync(join(tmpdir(), 'runner-serve-'));

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, DESK);
	[dave, erin] = await Promise.all([
		engine.sandbox!.createContact({ phone: '4917100000002', name: 'Dave' }),
		engine.sandbox!.createContact({ phone: '4917100000003', name: 'Erin' }),
	]);
});
afterAll(async () => {
	await engine?.dispose();
	rmSync(tempDir, { recursive: true, force: true });
});

const autoReply = () => ({ source: 'auto-reply.json', workflow: readWorkflowFile(join(EXAMPLES, 'auto-reply.json')) });
const replyTo = (contact: SimContact, id: string) => contact.waitForMessage((m) => m.quotedId === id, 20_000);

test('serve reports the failing node and its message, and keeps serving every workflow', async () => {
	const log = new RunLog();
	const lines: string[] = [];
	const server = await serve({
		workflows: [...loadWorkflowFolder(join(FIXTURES, 'workflows-failing')), autoReply()],
		packageDirs: [PACKAGE_DIR],
		credentials: engineCredentials(engine, SESSION),
		onRun: log.record,
		log: (line) => lines.push(line),
	});
	try {
		await server.ready;
		for (const text of ['first question', 'second question']) {
			const sent = await dave.sendText(DESK, text);
			expect((await replyTo(dave, sent.id)).text).toContain(`You wrote: "${text}"`);
			const event = await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.id);
			const failed = await log.waitFor((r) => r.event.id === event.id && r.workflow === 'Broken reply');
			expect(failed).toMatchObject({ status: 'error', error: { node: 'Send To Nowhere', message: expect.stringContaining('"not a phone number" is neither a phone number') } });
			expect(lines).toContain(`"Broken reply" ← message.received #${event.seq}: failed in node "Send To Nowhere": ${failed.error!.message}`);
		}
	} finally {
		await server.close();
	}
});

test('serve (the CLI) resumes after a restart with the event that came while it was down, and only that one', async () => {
	const folder = mkdtempSync(join(tempDir, 'workflows-'));
	writeFileSync(join(folder, 'auto-reply.json'), readFileSync(join(EXAMPLES, 'auto-reply.json')));
	const state = join(tempDir, 'serve-state.json');
	const env = engineEnv(engine, SESSION);

	const first = spawnRunner(['serve', folder, '--state', state], env);
	await first.waitFor(/Serving 1 trigger/);
	const before = await erin.sendText(DESK, 'before the restart');
	await replyTo(erin, before.id);
	await first.waitFor(/"WhatsApp auto-reply" ← message\.received #\d+: done/);
	first.child.kill('SIGTERM');
	expect((await first.exited).code).toBe(0);

	const during = await erin.sendText(DESK, 'while the runner was down');
	await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === during.id);
	const second = spawnRunner(['serve', folder, '--state', state], env);
	try {
		expect((await replyTo(erin, during.id)).text).toContain('You wrote: "while the runner was down"');
		// Events are handled in order, so a second answer to the first message would have come before this one.
		expect(erin.received().filter((m) => m.quotedId === before.id)).toHaveLength(1);
		expect(JSON.parse(readFileSync(state, 'utf8')).cursors['WaAutoReply00001/Message Received']).toBe(
			(await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === during.id)).seq,
		);
	} finally {
		second.child.kill('SIGTERM');
		await second.exited;
	}
});

test('run starts at the trigger by default: a logged event as input item gets the auto-reply', async () => {
	const sent = await dave.sendText(DESK, 'replayed through run');
	const event = await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === sent.id);
	const result = await runWorkflow({ packageDirs: [PACKAGE_DIR], workflow: autoReply().workflow, credentials: engineCredentials(engine, SESSION), triggerItems: [{ json: event }] });
	expect(result.order).toEqual(['Message Received', 'Reply']);
	const reply = await replyTo(dave, sent.id);
	expect(reply.id).toBe(result.output('Reply')[0].json.id);
	expect(reply.text).toContain('You wrote: "replayed through run"');
	await expect(runWorkflow({ packageDirs: [PACKAGE_DIR], workflow: autoReply().workflow, startNodeName: 'Nope' })).rejects.toThrow('The workflow has no node named "Nope"');
});

test('a workflow with a node type no loaded package provides fails naming the type and the node', async () => {
	const workflow = readWorkflowFile(join(FIXTURES, 'unknown-type.json'));
	const run = runWorkflow({ packageDirs: [PACKAGE_DIR], workflow, credentials: engineCredentials(engine, SESSION) });
	await expect(run).rejects.toThrow(UnknownNodeTypeError);
	await expect(run).rejects.toThrow('Node "Is It Urgent" has type "n8n-nodes-base.if", which no loaded package provides');
	await expect(serve({ workflows: [{ source: 'unknown-type.json', workflow }], packageDirs: [PACKAGE_DIR], credentials: engineCredentials(engine, SESSION) })).rejects.toThrow(
		'"n8n-nodes-base.if"',
	);

	const cli = spawnRunner(['run', join(FIXTURES, 'unknown-type.json')], engineEnv(engine, SESSION));
	expect((await cli.exited).code).toBe(1);
	expect(cli.stderr()).toContain('Node "Is It Urgent" has type "n8n-nodes-base.if"');
});

test('run loads nodes of another package with --nodes, takes input items and credentials from a file', async () => {
	const input = join(tempDir, 'names.json');
	writeFileSync(input, JSON.stringify([{ name: 'Dave' }, { json: { name: 'Erin' } }]));
	const cli = spawnRunner(['run', join(FIXTURES, 'stamp.json'), '--nodes', join(FIXTURES, 'nodes-package'), '--input', input]);
	expect((await cli.exited).code).toBe(0);
	expect(JSON.parse(cli.stdout())).toEqual([
		{ name: 'Dave', stamp: 'for Dave' },
		{ name: 'Erin', stamp: 'for Erin' },
	]);

	// The engine credential from --credentials, keyed by the id the exported workflow names.
	const credentials = join(tempDir, 'credentials.json');
	writeFileSync(credentials, JSON.stringify({ 'engine-1': { baseUrl: engine.url, apiKey: ADMIN_KEY, defaultSession: SESSION } }));
	const workflow = JSON.parse(readFileSync(join(EXAMPLES, 'lunch-poll.json'), 'utf8'));
	workflow.nodes[0].credentials = { whatsAppEngineApi: { id: 'engine-1', name: 'WhatsApp Engine account' } };
	const file = join(tempDir, 'poll-with-credential.json');
	writeFileSync(file, JSON.stringify(workflow));
	const items = join(tempDir, 'poll-to.json');
	writeFileSync(items, JSON.stringify([{ to: dave.jid, question: 'Coffee or tea?', options: 'Coffee, Tea' }]));
	const poll = spawnRunner(['run', file, '--start', 'Send Poll', '--credentials', credentials, '--input', items]);
	expect((await poll.exited).code).toBe(0);
	const [sent] = JSON.parse(poll.stdout()) as Array<{ id: string }>;
	const received = await dave.waitForMessage((m) => m.id === sent.id, 20_000);
	const content = received.raw.message!;
	expect((content.pollCreationMessageV3 ?? content.pollCreationMessage)?.name).toBe('Coffee or tea?');
});

import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { loadWorkflowFolder, serve, type RunningServer } from '../../runner/dist/index.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { EXAMPLES, PACKAGE_DIR, RunLog, engineCredentials, engineEnv, spawnRunner } from './helpers.js';

/**
 * Every example workflow, served by the runner against a real engine whose session is paired with the sandbox;
 * each effect is checked where it lands: in the simulated contacts' phones.
 */
const SESSION = 'shop';
const SHOP = '4915100000001';

let engine: TestEngine;
let server: RunningServer;
let alice: SimContact;
let bob: SimContact;
let carol: SimContact;
const log = new RunLog();
const tempDir = mkdtempSync(join(tmpdir(), 'runner-examples-'));

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	[alice, bob, carol] = await Promise.all([
		engine.sandbox!.createContact({ phone: '4917000000002', name: 'Alice' }),
		engine.sandbox!.createContact({ phone: '4917000000003', name: 'Bob' }),
		engine.sandbox!.createContact({ phone: '4917000000004', name: 'Carol' }),
	]);
	server = await serve({ workflows: loadWorkflowFolder(EXAMPLES), packageDirs: [PACKAGE_DIR], credentials: engineCredentials(engine, SESSION), onRun: log.record });
	await server.ready;
});
afterAll(async () => {
	await server?.close();
	await engine?.dispose();
	rmSync(tempDir, { recursive: true, force: true });
});

/** A group Alice creates with the shop and `members`, once the shop's session knows it. */
async function groupWith(subject: string, members: SimContact[]): Promise<string> {
	const { id } = await alice.createGroup(subject, [SHOP, ...members.map((m) => m.phone)]);
	await engine.waitForEvent((e) => e.session === SESSION && e.type === 'group.joined' && e.chat?.id === id);
	return id;
}

test('serve starts one event stream per WhatsApp Trigger of the examples, with its events and filters', () => {
	expect(server.triggers.map((t) => [t.workflow, t.node, t.session])).toEqual(
		expect.arrayContaining([
			['WhatsApp auto-reply', 'Message Received', SESSION],
			['WhatsApp group keyword router', 'Group Message', SESSION],
			['WhatsApp group welcome', 'Members Changed', SESSION],
		]),
	);
	const autoReply = server.triggers.find((t) => t.workflow === 'WhatsApp auto-reply')!;
	expect(new URLSearchParams(autoReply.query).get('types')).toBe('message.received');
	expect(new URLSearchParams(autoReply.query).get('skipGroups')).toBe('true');
});

test('auto-reply: a contact who writes gets a reply quoting their message', async () => {
	const sent = await alice.sendText(SHOP, 'Do you deliver on Sundays?');
	const reply = await alice.waitForMessage((m) => m.quotedId === sent.id, 20_000);
	expect(reply.chat).toBe(`${SHOP}@s.whatsapp.net`);
	expect(reply.text).toBe('Hi Alice, thanks for your message! We answer within one working day. You wrote: "Do you deliver on Sundays?"');
	const run = await log.waitFor((r) => r.workflow === 'WhatsApp auto-reply' && r.status === 'success');
	expect(run.result!.order).toEqual(['Message Received', 'Reply']);
});

test('keyword router: a keyword in a group is answered in the group, and the auto-reply stays out of groups', async () => {
	const group = await groupWith('Customers', [bob]);
	const asked = await bob.sendText(group, 'Price?');
	for (const member of [bob, alice]) {
		const answer = await member.waitForMessage((m) => m.chat === group && m.quotedId === asked.id, 20_000);
		expect(answer.text).toBe('Basic is 10 EUR a month, Pro 25 EUR a month.');
	}
	const unknown = await bob.sendText(group, 'hello everyone');
	const help = await bob.waitForMessage((m) => m.chat === group && m.quotedId === unknown.id, 20_000);
	expect(help.text).toBe('I know these keywords: hours, price, address.');

	const askedEvent = await engine.waitForEvent((e) => e.type === 'message.received' && e.data.id === asked.id);
	await log.waitFor((r) => r.event.id === askedEvent.id);
	expect(log.runs.filter((r) => r.event.id === askedEvent.id).map((r) => [r.workflow, r.status])).toEqual([['WhatsApp group keyword router', 'success']]);
});

test('group welcome: a member added to a group is welcomed by name', async () => {
	const group = await groupWith('Book club', [bob]);
	await alice.socket.groupParticipantsUpdate(group, [carol.jid], 'add');
	const welcome = await carol.waitForMessage((m) => m.chat === group && (m.text ?? '').startsWith('Welcome'), 20_000);
	expect(welcome.text).toBe(`Welcome to the group, @${carol.phone}! Say hi and have a look at the group description.`);
	// The @number is a real mention, which WhatsApp shows as Carol's name.
	const mentioned = welcome.raw.message?.extendedTextMessage?.contextInfo?.mentionedJid ?? [];
	expect(mentioned.some((jid) => jid === carol.jid || jid === carol.lid)).toBe(true);
	await bob.waitForMessage((m) => m.id === welcome.id, 20_000);
});

test('lunch poll: `run` (the CLI, as a child process) sends the poll to the number in its input item; a vote is confirmed', async () => {
	const input = join(tempDir, 'poll-input.json');
	writeFileSync(input, JSON.stringify([{ to: `+${bob.phone}`, question: 'Lunch on Friday?' }]));
	const runner = spawnRunner(['run', join(EXAMPLES, 'lunch-poll.json'), '--start', 'Send Poll', '--input', input], engineEnv(engine, SESSION));
	expect((await runner.exited).code).toBe(0);
	const [output] = JSON.parse(runner.stdout()) as Array<{ id: string }>;
	const poll = await bob.waitForMessage((m) => m.id === output.id, 20_000);
	const content = poll.raw.message!;
	const creation = content.pollCreationMessageV3 ?? content.pollCreationMessage ?? content.pollCreationMessageV2;
	expect(creation?.name).toBe('Lunch on Friday?');
	expect(creation?.options?.map((o) => o.optionName)).toEqual(['Pizza', 'Sushi', 'Tacos']);

	await bob.votePoll(poll, ['Sushi']);
	const confirmation = await bob.waitForMessage((m) => m.quotedId === poll.id, 20_000);
	expect(confirmation.text).toBe('Thanks, your vote for Sushi is counted.');
	await bob.votePoll(poll, []);
	const withdrawn = await bob.waitForMessage((m) => m.quotedId === poll.id && m.id !== confirmation.id, 20_000);
	expect(withdrawn.text).toBe('You took your vote back.');
});

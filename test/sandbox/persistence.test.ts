import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WhatsAppSandbox } from '../../engine/src/sandbox/index.js';
import { connect, end, linkedClient, quiet, waitForEvent, waitOpen } from './helpers.js';

jest.setTimeout(60_000);
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

const textOf = (m: { message?: { conversation?: string | null; extendedTextMessage?: { text?: string | null } | null } | null }): string | undefined =>
	m.message?.conversation ?? m.message?.extendedTextMessage?.text ?? undefined;

test('the world survives a restart: accounts, devices, contacts with their Signal sessions, groups and offline stanzas', async () => {
	const stateFile = join(dir, 'world.json');
	const first = await WhatsAppSandbox.start({ logger: quiet, stateFile });
	first.installTrust();
	const alice = await first.createContact({ phone: '15557770001', name: 'Alice' });
	const bob = await first.createContact({ phone: '15557770002', name: 'Bob' });
	const shop = await linkedClient(first, '15557770000', 'Shop');

	// Signal sessions in both directions before the restart
	const hello = await shop.sock.sendMessage(alice.jid, { text: 'before restart' });
	expect((await alice.waitForMessage(m => m.id === hello!.key.id)).text).toBe('before restart');
	const gotReply = waitForEvent(shop.sock, 'messages.upsert', (u: any) => u.messages.find((m: any) => !m.key.fromMe && textOf(m) === 'reply before'));
	await alice.sendText(shop.jid.replace(/:\d+@/, '@'), 'reply before');
	await gotReply;
	first.groups.defaultMode = 'pn';
	const group = await alice.createGroup('Persisted group', [bob.phone, '15557770000']);

	// the shop goes offline; what Alice sends now waits in the shop device's offline queue
	await end(shop);
	const queued = await alice.sendText('15557770000', 'sent while you were away');
	// the server fans a message out to all devices at once: when the phone has it, the shop's copy is queued
	await first.contact('15557770000')!.waitForMessage(m => m.id === queued.id);
	expect(first.server.registry.resolve(shop.jid)!.device!.queue.length).toBeGreaterThan(0);
	await first.stop();
	expect(existsSync(stateFile)).toBe(true);

	const second = await WhatsAppSandbox.start({ logger: quiet, stateFile });
	second.installTrust();
	try {
		const alice2 = second.contact('15557770001')!;
		expect(alice2).toBeDefined();
		expect({ lid: alice2.lid, name: alice2.name }).toEqual({ lid: alice.lid, name: 'Alice' });
		expect(second.listContacts().map(c => c.phone).sort()).toEqual(['15557770000', '15557770001', '15557770002']);
		expect(second.groups.defaultMode).toBe('pn');
		const account = second.server.registry.byPhoneNumber('15557770000')!;
		const device = second.server.registry.resolve(shop.jid)!.device!;
		expect(device.queue.length).toBeGreaterThan(0);
		expect(device.preKeys.size).toBeGreaterThan(0);
		expect(account.lid).toBe(shop.lid.split(':')[0]);

		// the same creds log in again, without pairing, and get the queued message
		const shop2 = connect(second, shop.auth);
		const offline = new Promise<string | undefined>(resolve => {
			shop2.sock.ev.on('messages.upsert', ({ messages }) => {
				const m = messages.find(x => x.key.id === queued.id);
				if (m) resolve(textOf(m));
			});
		});
		await waitOpen(shop2);
		expect(await offline).toBe('sent while you were away');

		// the contacts' own Signal state came back: both directions still decrypt
		const after = await shop2.sock.sendMessage(alice.jid, { text: 'after restart' });
		expect((await alice2.waitForMessage(m => m.id === after!.key.id)).text).toBe('after restart');
		const gotReply2 = waitForEvent(shop2.sock, 'messages.upsert', (u: any) => u.messages.find((m: any) => !m.key.fromMe && textOf(m) === 'reply after'));
		await alice2.sendText('15557770000', 'reply after');
		await gotReply2;

		// the group is still there with its addressing mode and members
		const meta = await shop2.sock.groupMetadata(group.id);
		expect(meta.subject).toBe('Persisted group');
		expect(meta.addressingMode).toBe('pn');
		const toGroup = await shop2.sock.sendMessage(group.id, { text: 'group after restart' });
		const bob2 = second.contact('15557770002')!;
		expect((await bob2.waitForMessage(m => m.id === toGroup!.key.id)).text).toBe('group after restart');
		await end(shop2);
	} finally {
		await second.stop();
	}
});

test('an unreadable state file starts a fresh world (and is not fatal)', async () => {
	const stateFile = join(dir, 'broken.json');
	writeFileSync(stateFile, '{"version":1,"accounts":[{"phone":');
	const warnings: string[] = [];
	const logger = quiet.child({});
	logger.warn = ((obj: unknown, msg?: string) => warnings.push(String(msg ?? obj))) as typeof logger.warn;
	const sandbox = await WhatsAppSandbox.start({ logger, stateFile });
	sandbox.installTrust();
	try {
		expect(warnings.some(w => /unreadable/.test(w))).toBe(true);
		expect(sandbox.server.registry.accounts()).toHaveLength(0);
		const carol = await sandbox.createContact({ phone: '15557770009', name: 'Carol' });
		expect(carol.phone).toBe('15557770009');
	} finally {
		await sandbox.stop();
	}
	// stop() wrote a good file over the broken one
	expect(JSON.parse(readFileSync(stateFile, 'utf8')).accounts.map((a: { phone: string }) => a.phone)).toEqual(['15557770009']);
});

test('a state file that refers to unknown accounts is rejected as a whole', async () => {
	const stateFile = join(dir, 'dangling.json');
	writeFileSync(stateFile, JSON.stringify({ version: 1, savedAt: 0, phoneCounter: 0, accounts: [], contacts: [], appStateKeys: [], appState: [], groupAddressingMode: 'lid', groups: [{ id: '1@g.us', creator: '123', subjectOwner: '123', members: [] }], sent: [] }));
	const sandbox = await WhatsAppSandbox.start({ logger: quiet, stateFile });
	try {
		expect(sandbox.groups.list()).toHaveLength(0);
		expect(sandbox.server.registry.accounts()).toHaveLength(0);
	} finally {
		await sandbox.stop();
	}
});

import { jest } from '@jest/globals';
import type { WAMessage } from '@whiskeysockets/baileys';
import { WhatsAppSandbox, type SimContact } from '../../engine/src/sandbox/index.js';
import { end, linkedClient, quiet, waitForEvent, type Client } from './helpers.js';

jest.setTimeout(40_000);
let sandbox: WhatsAppSandbox;
let a: Client & { jid: string };
let bob: SimContact;
let carol: SimContact;
beforeAll(async () => {
	sandbox = await WhatsAppSandbox.start({ logger: quiet });
	sandbox.installTrust();
	[bob, carol] = await Promise.all([sandbox.createContact({ name: 'Bob' }), sandbox.createContact({ name: 'Carol' })]);
	a = await linkedClient(sandbox, '15556660000', 'Alice');
});
afterAll(async () => {
	await end(a);
	await sandbox.stop();
});

for (const mode of ['pn', 'lid'] as const) {
	test(`group with addressing_mode=${mode}: both members decrypt, replies come back`, async () => {
		sandbox.groups.defaultMode = mode;
		const meta = await a.sock.groupCreate(`team ${mode}`, [bob.jid, carol.jid]);
		expect(meta.addressingMode).toBe(mode);
		expect(meta.participants).toHaveLength(3);
		const first = await a.sock.sendMessage(meta.id, { text: `hello ${mode} 1` });
		const second = await a.sock.sendMessage(meta.id, { text: `hello ${mode} 2` });
		for (const c of [bob, carol]) {
			const m1 = await c.waitForMessage(m => m.id === first!.key.id);
			const m2 = await c.waitForMessage(m => m.id === second!.key.id);
			expect([m1.text, m2.text]).toEqual([`hello ${mode} 1`, `hello ${mode} 2`]);
			expect(m1.chat).toBe(meta.id);
			expect(m1.fromPhone).toBe('15556660000');
		}
		const back = waitForEvent(a.sock, 'messages.upsert', (u: { messages: WAMessage[] }) =>
			u.messages.find(m => m.key.remoteJid === meta.id && !m.key.fromMe && (m.message?.conversation ?? m.message?.extendedTextMessage?.text) === `from bob ${mode}`),
		);
		await bob.sendText(meta.id, `from bob ${mode}`);
		const got = await back;
		expect(got.key.participant ?? '').toContain(mode === 'lid' ? '@lid' : '@s.whatsapp.net');
		const seenByCarol = await carol.waitForMessage(m => m.text === `from bob ${mode}`);
		expect(seenByCarol.from).toBe(mode === 'lid' ? bob.lid : bob.jid);
	});
}

test('group admin operations notify members', async () => {
	sandbox.groups.defaultMode = 'lid';
	const meta = await a.sock.groupCreate('admin ops', [bob.jid]);
	const added = waitForEvent(bob.socket, 'group-participants.update', (u: { id: string; action: string }) => (u.id === meta.id && u.action === 'add' ? u : undefined));
	const res = await a.sock.groupParticipantsUpdate(meta.id, [carol.jid], 'add');
	expect(res[0]!.status).toBe('200');
	await added;
	await a.sock.groupUpdateSubject(meta.id, 'renamed');
	await a.sock.groupParticipantsUpdate(meta.id, [bob.jid], 'promote');
	const after = await carol.socket.groupMetadata(meta.id);
	expect(after.subject).toBe('renamed');
	expect(after.participants.find(p => p.phoneNumber === bob.jid)?.admin).toBe('admin');
	const code = await a.sock.groupInviteCode(meta.id);
	expect(code).toBeTruthy();
	await carol.socket.groupLeave(meta.id);
	const final = await a.sock.groupMetadata(meta.id);
	expect(final.participants).toHaveLength(2);
});

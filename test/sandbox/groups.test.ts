import { jest } from '@jest/globals';
import type { WAMessage } from '@whiskeysockets/baileys';
import { WhatsAppSandbox, type SimContact } from '../../engine/src/sandbox/index.js';
import { decodeGroup, encodeGroup, type GroupState } from '../../engine/src/sandbox/persistence.js';
import { decodeJson, encodeJson } from '../../engine/src/store/json-codec.js';
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

test('invite codes: preview without the member list, join by code, a revoked code stops working', async () => {
	const meta = await a.sock.groupCreate('invites', [bob.jid]);
	const code = await a.sock.groupInviteCode(meta.id);
	const preview = await carol.socket.groupGetInviteInfo(code!);
	expect(preview).toMatchObject({ id: meta.id, subject: 'invites', size: 2 });
	expect(preview.participants).toEqual([]);
	await expect(bob.socket.groupInviteCode(meta.id)).rejects.toThrow('not-authorized');

	const joined = waitForEvent(bob.socket, 'group-participants.update', (u: { id: string; action: string }) => (u.id === meta.id && u.action === 'add' ? u : undefined));
	expect(await carol.socket.groupAcceptInvite(code!)).toBe(meta.id);
	await joined;

	const adminHears = waitForEvent(a.sock, 'groups.update', (us: Array<{ id: string; inviteCode?: string }>) => us.find(u => u.id === meta.id && u.inviteCode));
	const fresh = await a.sock.groupRevokeInvite(meta.id);
	expect(fresh).not.toBe(code);
	expect((await adminHears).inviteCode).toBe(fresh);
	await expect(carol.socket.groupGetInviteInfo(code!)).rejects.toThrow();
});

test('membership approval: a join by code becomes a request the admins hear about; approve adds, reject tells the requester', async () => {
	const meta = await a.sock.groupCreate('approval', [bob.jid]);
	const modeSeen = waitForEvent(bob.socket, 'groups.update', (us: Array<{ id: string; joinApprovalMode?: boolean }>) => us.find(u => u.id === meta.id && u.joinApprovalMode !== undefined));
	await a.sock.groupJoinApprovalMode(meta.id, 'on');
	expect((await modeSeen).joinApprovalMode).toBe(true);
	const code = (await a.sock.groupInviteCode(meta.id))!;

	const created = waitForEvent(a.sock, 'group.join-request', (r: { id: string; action: string; participant: string; method: string }) => (r.id === meta.id && r.action === 'created' ? r : undefined));
	expect(await carol.socket.groupAcceptInvite(code)).toBeUndefined();
	expect(await created).toMatchObject({ participant: carol.lid, method: 'invite_link' });
	const [request] = await a.sock.groupRequestParticipantsList(meta.id);
	expect(request).toMatchObject({ jid: carol.lid, phone_number: carol.jid, request_method: 'invite_link' });
	await expect(bob.socket.groupRequestParticipantsList(meta.id)).rejects.toThrow('not-authorized');

	const added = waitForEvent(carol.socket, 'group-participants.update', (u: { id: string; action: string }) => (u.id === meta.id && u.action === 'add' ? u : undefined));
	expect(await a.sock.groupRequestParticipantsUpdate(meta.id, [carol.jid], 'approve')).toEqual([{ status: '200', jid: carol.lid }]);
	await added;
	expect((await carol.socket.groupMetadata(meta.id)).participants).toHaveLength(3);

	const dave = await sandbox.createContact({ name: 'Dave' });
	await dave.socket.groupAcceptInvite(code);
	const rejected = waitForEvent(dave.socket, 'group.join-request', (r: { id: string; action: string }) => (r.id === meta.id && r.action === 'rejected' ? r : undefined));
	await a.sock.groupRequestParticipantsUpdate(meta.id, [dave.jid], 'reject');
	await rejected;
	expect(await a.sock.groupRequestParticipantsList(meta.id)).toEqual([]);
	expect(await a.sock.groupRequestParticipantsUpdate(meta.id, [dave.jid], 'approve')).toEqual([{ status: '404', jid: dave.jid }]);
});

test('participant changes answer per person: 409 member, 404 unknown, 403 with an invite when privacy refuses', async () => {
	const meta = await a.sock.groupCreate('statuses', [bob.jid]);
	sandbox.groups.refusesGroupAdd = target => target.phone === carol.phone;
	try {
		const results = await a.sock.groupParticipantsUpdate(meta.id, [bob.jid, '15550000001@s.whatsapp.net', carol.jid], 'add');
		expect(results.map(r => r.status)).toEqual(['409', '404', '403']);
		const code = await a.sock.groupInviteCode(meta.id);
		expect(results[2]!.content?.content).toEqual([{ tag: 'add_request', attrs: { code, expiration: expect.stringMatching(/^\d+$/) } }]);
		expect((await a.sock.groupMetadata(meta.id)).participants).toHaveLength(2);
	} finally {
		sandbox.groups.refusesGroupAdd = () => false;
	}
	expect((await a.sock.groupParticipantsUpdate(meta.id, [carol.jid], 'remove'))[0]!.status).toBe('404');
});

test('ephemeral timer and locked group info: members see the timer, non-admins may not change it once locked', async () => {
	const meta = await a.sock.groupCreate('timers', [bob.jid]);
	await bob.socket.groupToggleEphemeral(meta.id, 86_400);
	expect((await a.sock.groupMetadata(meta.id)).ephemeralDuration).toBe(86_400);
	await a.sock.groupSettingUpdate(meta.id, 'locked');
	await expect(bob.socket.groupToggleEphemeral(meta.id, 0)).rejects.toThrow('not-authorized');
	await a.sock.groupToggleEphemeral(meta.id, 0);
	expect((await bob.socket.groupMetadata(meta.id)).ephemeralDuration).toBeUndefined();
});

test('group picture: set, served over HTTPS to anyone asking, removed; members are told each time', async () => {
	const meta = await a.sock.groupCreate('picture', [bob.jid]);
	const image = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
	const told = (change: string) => waitForEvent(bob.socket, 'contacts.update', (us: Array<{ id: string; imgUrl?: string }>) => us.find(u => u.id === meta.id && u.imgUrl === change));
	const set = told('changed');
	await a.sock.updateProfilePicture(meta.id, image);
	await set;
	const url = await carol.socket.profilePictureUrl(meta.id, 'image');
	const res = await fetch(url!, { dispatcher: (sandbox.mediaDownloadOptions().options as { dispatcher: never }).dispatcher } as RequestInit);
	expect(Buffer.from(await res.arrayBuffer()).equals(sandbox.groups.get(meta.id)!.picture!.data)).toBe(true);

	await expect(carol.socket.updateProfilePicture(meta.id, image)).rejects.toThrow('forbidden');
	const removed = told('removed');
	await bob.socket.removeProfilePicture(meta.id);
	await removed;
	await expect(carol.socket.profilePictureUrl(meta.id, 'image')).rejects.toThrow('item-not-found');
});

test('the new group state survives the state file round trip', () => {
	const g = sandbox.groups.list().find(x => x.subject === 'approval')!;
	g.ephemeral = 604_800;
	g.picture = { id: '42', data: Buffer.from([1, 2, 3]) };
	const restored = decodeGroup(decodeJson<GroupState>(encodeJson(encodeGroup(g))), phone => sandbox.server.registry.byPhoneNumber(phone)!);
	expect(restored).toMatchObject({ ephemeral: 604_800, joinApproval: true, picture: { id: '42', data: Buffer.from([1, 2, 3]) } });
	expect([...restored.members.keys()].map(m => m.phone)).toEqual([...g.members.keys()].map(m => m.phone));
});

import type { GroupMetadata, GroupParticipant } from '@whiskeysockets/baileys';
import { request } from 'undici';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';
import { waitForEvent } from '../sandbox/helpers.js';

/**
 * Every group operation over real HTTP against the sandbox. Each change is checked where the other members see it:
 * the group notifications their own Baileys sockets turn into events, and the metadata they fetch themselves.
 */
const SESSION = 'crew';
const SHOP = '4915300000001';
const ALICE = '4917300000002';
const BOB = '4917300000003';
const CAROL = '4917300000004';
const DAVE = '4917300000005';
const ERIN = '4917300000006';
const NOBODY = '4917300000099';

// A 1×1 PNG: small, but a real image the photo processing can read.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let engine: TestEngine;
let shop: SimContact;
let alice: SimContact;
let bob: SimContact;
let carol: SimContact;
let dave: SimContact;
let erin: SimContact;

const base = `/api/sessions/${SESSION}/groups`;
const call = (method: string, path: string, body?: unknown) => engine.call(method, `${base}${path}`, body === undefined ? {} : { body });
const ok = async (method: string, path: string, body?: unknown, status = 200) => {
	const res = await call(method, path, body);
	if (res.status !== status) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};
/** The next event of `name` on a contact's Baileys socket that `pick` accepts; subscribe before acting. */
const next = <T>(contact: SimContact, name: string, pick: (data: any) => T | undefined) => waitForEvent(contact.socket, name, pick, 15_000);
/** Whether a participant entry (LID or phone addressed) is this contact. */
const isContact = (c: SimContact) => (p: { id: string; phoneNumber?: string }) => p.id === c.jid || p.id === c.lid || p.phoneNumber === c.jid;
const member = (meta: GroupMetadata, c: SimContact): GroupParticipant | undefined => meta.participants.find(isContact(c));
/** A group update for `group` on a contact's socket that has `field`. */
const groupUpdate = (c: SimContact, group: string, field: string) =>
	next(c, 'groups.update', (updates: Array<Record<string, unknown>>) => updates.find((u) => u.id === group && field in u && !('participants' in u)));
const participantsUpdate = (c: SimContact, group: string, action: string) =>
	next(c, 'group-participants.update', (u: { id: string; action: string; participants: GroupParticipant[] }) => (u.id === group && u.action === action ? u : undefined));

/** A group of the shop with Alice (admin) and Bob. */
const newGroup = async (subject: string, extra: Record<string, unknown> = {}) =>
	(await ok('POST', '', { subject, participants: [`+${ALICE}`, BOB], admins: [ALICE], ...extra }, 201)) as { id: string; [k: string]: unknown };

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP, { bodyLimit: '5mb' });
	shop = engine.sandbox!.contact(SHOP)!;
	[alice, bob, carol, dave, erin] = await Promise.all(
		[
			[ALICE, 'Alice'],
			[BOB, 'Bob'],
			[CAROL, 'Carol'],
			[DAVE, 'Dave'],
			[ERIN, 'Erin'],
		].map(([phone, name]) => engine.sandbox!.createContact({ phone, name })),
	);
});
afterAll(async () => {
	await engine?.dispose();
});

describe('group: create, list, get', () => {
	it('createGroup applies description, admins and settings; a member sees all of them in their metadata', async () => {
		const group = await newGroup('Kitchen', { description: 'Who cooks when', locked: true, announce: true, ephemeral: '7d' });
		expect(group).toMatchObject({ subject: 'Kitchen', description: 'Who cooks when', locked: true, announce: true, ephemeralSeconds: 604_800, size: 3 });
		expect(group.setup).toMatchObject({ description: 'ok', locked: 'ok', announce: 'ok', ephemeral: 'ok', admins: [{ ok: true, status: 200 }] });

		const seen = await bob.socket.groupMetadata(group.id);
		expect(seen).toMatchObject({ subject: 'Kitchen', desc: 'Who cooks when', restrict: true, announce: true, ephemeralDuration: 604_800 });
		expect(member(seen, alice)?.admin).toBe('admin');
		expect(member(seen, bob)?.admin).toBeNull();
	});

	it('listGroups lists the groups with or without members, and filters by name', async () => {
		const group = await newGroup('Night owls');
		const all = await ok('GET', '');
		const listed = all.find((g: { id: string }) => g.id === group.id);
		expect(listed).toMatchObject({ subject: 'Night owls', size: 3 });
		expect(listed.participants.map((p: { phone?: string }) => p.phone).sort()).toEqual([SHOP, ALICE, BOB].sort());

		const bare = await ok('GET', '?ignoreParticipants=true&search=night');
		expect(bare.map((g: { id: string }) => g.id)).toEqual([group.id]);
		expect(bare[0]).not.toHaveProperty('participants');
	});

	it('getGroupInfo takes the JID or the bare id; an unknown group is a 404 and a malformed one a 400', async () => {
		const group = await newGroup('Lookup');
		const byJid = await ok('GET', `/${group.id}`);
		const byId = await ok('GET', `/${group.id.split('@')[0]}`);
		expect(byId).toEqual(byJid);
		expect(byJid.participants.find((p: { phone?: string }) => p.phone === SHOP)).toMatchObject({ admin: 'superadmin' });
		expect(byJid.owner.phone).toBe(SHOP);

		const unknown = await call('GET', '/120363000000000000@g.us');
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('group_not_found');
		expect((await call('GET', '/not-a-group')).status).toBe(400);
	});
});

describe('group: settings reach the members', () => {
	it('setGroupName: members get the new subject as groups.update and in their metadata', async () => {
		const group = await newGroup('Old name');
		const renamed = groupUpdate(bob, group.id, 'subject');
		expect(await ok('PUT', `/${group.id}/name`, { name: 'New name' })).toEqual({ ok: true, group: group.id });
		expect((await renamed).subject).toBe('New name');
		expect((await alice.socket.groupMetadata(group.id)).subject).toBe('New name');
	});

	it('setGroupDescription: set, then removed with an empty text', async () => {
		const group = await newGroup('Described');
		const described = groupUpdate(bob, group.id, 'desc');
		await ok('PUT', `/${group.id}/description`, { description: 'Opening hours 9-17' });
		expect((await described).desc).toBe('Opening hours 9-17');

		await ok('PUT', `/${group.id}/description`, { description: '' });
		expect((await bob.socket.groupMetadata(group.id)).desc).toBeUndefined();
	});

	it('setGroupLocked: members see restrict, and a non-admin can no longer rename the group', async () => {
		const group = await newGroup('Lockable');
		const locked = groupUpdate(bob, group.id, 'restrict');
		await ok('PUT', `/${group.id}/locked`, { locked: true });
		expect((await locked).restrict).toBe(true);
		await expect(bob.socket.groupUpdateSubject(group.id, 'Bob was here')).rejects.toThrow();
		expect((await bob.socket.groupMetadata(group.id)).subject).toBe('Lockable');

		const unlocked = groupUpdate(bob, group.id, 'restrict');
		await ok('PUT', `/${group.id}/locked`, { locked: false });
		expect((await unlocked).restrict).toBe(false);
		await bob.socket.groupUpdateSubject(group.id, 'Bob was here');
	});

	it('setGroupAnnounce: members see announce on and off', async () => {
		const group = await newGroup('Announcements');
		const on = groupUpdate(alice, group.id, 'announce');
		await ok('PUT', `/${group.id}/announce`, { announce: true });
		expect((await on).announce).toBe(true);
		const off = groupUpdate(alice, group.id, 'announce');
		await ok('PUT', `/${group.id}/announce`, { announce: false });
		expect((await off).announce).toBe(false);
	});

	it('setGroupEphemeral: members get the timer on their chat, and off again', async () => {
		const group = await newGroup('Vanishing');
		const chatUpdate = (c: SimContact) => next(c, 'chats.update', (updates: Array<{ id: string; ephemeralExpiration?: number | null }>) => updates.find((u) => u.id === group.id && 'ephemeralExpiration' in u));
		const on = chatUpdate(bob);
		expect(await ok('PUT', `/${group.id}/ephemeral`, { duration: '24h' })).toMatchObject({ ephemeralSeconds: 86_400 });
		expect((await on).ephemeralExpiration).toBe(86_400);
		expect((await bob.socket.groupMetadata(group.id)).ephemeralDuration).toBe(86_400);

		const off = chatUpdate(bob);
		await ok('PUT', `/${group.id}/ephemeral`, { duration: 'off' });
		expect((await off).ephemeralExpiration ?? 0).toBe(0);
		expect((await bob.socket.groupMetadata(group.id)).ephemeralDuration).toBeUndefined();
		expect((await call('PUT', `/${group.id}/ephemeral`, { duration: '1y' })).status).toBe(400);
	});

	it('setGroupPhoto / removeGroupPhoto: members are told, and fetch the new picture from WhatsApp', async () => {
		const group = await newGroup('Pictured');
		const picture = (change: string) => next(bob, 'contacts.update', (updates: Array<{ id: string; imgUrl?: string }>) => updates.find((u) => u.id === group.id && u.imgUrl === change));
		const set = picture('changed');
		await ok('PUT', `/${group.id}/photo`, { image: { base64: PNG.toString('base64'), mimetype: 'image/png' } });
		await set;
		const url = await bob.socket.profilePictureUrl(group.id, 'image');
		const download = await request(url!, { dispatcher: engine.sandbox!.media.dispatcher });
		const jpeg = Buffer.from(await download.body.arrayBuffer());
		expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');

		const removed = picture('removed');
		await ok('DELETE', `/${group.id}/photo`);
		await removed;
		await expect(bob.socket.profilePictureUrl(group.id, 'image')).rejects.toThrow();
	});

	it('setGroupPhoto refuses what is not an image before asking WhatsApp', async () => {
		const group = await newGroup('No picture');
		const text = await call('PUT', `/${group.id}/photo`, { image: { base64: Buffer.from('hello').toString('base64'), mimetype: 'text/plain' } });
		expect(text.status).toBe(400);
		const garbage = await call('PUT', `/${group.id}/photo`, { image: { base64: Buffer.from('not really a png').toString('base64'), mimetype: 'image/png' } });
		expect(garbage.status).toBe(400);
		expect(garbage.body.error.message).toMatch(/could not be read as an image/);
	});

	it('updateGroupInfo applies several changes and reports each part', async () => {
		const group = await newGroup('Bundle');
		const renamed = groupUpdate(bob, group.id, 'subject');
		const described = groupUpdate(bob, group.id, 'desc');
		const result = await ok('PATCH', `/${group.id}`, { name: 'Bundled', description: 'All at once', locked: true, joinApproval: true, photo: { base64: PNG.toString('base64') } });
		expect(result).toEqual({ ok: true, group: group.id, results: { subject: 'ok', description: 'ok', photo: 'ok', locked: 'ok', joinApproval: 'ok' } });
		expect((await renamed).subject).toBe('Bundled');
		expect((await described).desc).toBe('All at once');
		expect(await bob.socket.groupMetadata(group.id)).toMatchObject({ subject: 'Bundled', restrict: true, joinApprovalMode: true });
		expect((await call('PATCH', `/${group.id}`, {})).status).toBe(400);
	});

	it('updateGroupInfo reports the parts WhatsApp refused next to those it took', async () => {
		// Dave's group, locked: the shop is a plain member, so it may neither rename it nor change who may send.
		const meta = await dave.socket.groupCreate('Dave only', [shop.jid]);
		await dave.socket.groupSettingUpdate(meta.id, 'locked');
		await dave.socket.groupUpdateDescription(meta.id, 'before');
		const result = await ok('PATCH', `/${meta.id}`, { name: 'Taken over', announce: true });
		expect(result.ok).toBe(false);
		expect(result.results.subject).toMatch(/^failed: .*403.*not an admin/);
		expect(result.results.announce).toMatch(/^failed: .*403.*not an admin/);
		expect((await dave.socket.groupMetadata(meta.id)).subject).toBe('Dave only');
	});
});

describe('group: members', () => {
	it('add, promote, demote, remove: each member change reaches the members, per-person status comes back', async () => {
		const group = await newGroup('Rotation');
		const carolAdded = participantsUpdate(alice, group.id, 'add');
		const added = await ok('POST', `/${group.id}/participants`, { action: 'add', participants: [CAROL] });
		expect(added).toEqual([{ participant: expect.objectContaining({ phone: CAROL }), status: 200, ok: true }]);
		expect((await carolAdded).participants.some(isContact(carol))).toBe(true);
		expect(member(await carol.socket.groupMetadata(group.id), carol)).toBeDefined();

		const promoted = participantsUpdate(carol, group.id, 'promote');
		await ok('POST', `/${group.id}/participants`, { action: 'promote', participants: [CAROL] });
		expect((await promoted).participants.some(isContact(carol))).toBe(true);
		expect(member(await bob.socket.groupMetadata(group.id), carol)?.admin).toBe('admin');

		const demoted = participantsUpdate(bob, group.id, 'demote');
		await ok('POST', `/${group.id}/participants`, { action: 'demote', participants: [CAROL] });
		await demoted;
		expect(member(await bob.socket.groupMetadata(group.id), carol)?.admin).toBeNull();

		const removed = participantsUpdate(carol, group.id, 'remove');
		const result = await ok('POST', `/${group.id}/participants`, { action: 'remove', participants: [CAROL] });
		expect(result[0]).toMatchObject({ ok: true, status: 200 });
		expect((await removed).participants.some(isContact(carol))).toBe(true);
		expect(member(await bob.socket.groupMetadata(group.id), carol)).toBeUndefined();
	});

	it('reports each person: already a member (409), not on WhatsApp (404), next to a successful add', async () => {
		const group = await newGroup('Mixed');
		const result = await ok('POST', `/${group.id}/participants`, { action: 'add', participants: [BOB, NOBODY, ERIN] });
		const byPhone = (phone: string) => result.find((r: { participant: { id: string; phone?: string } }) => r.participant.phone === phone || r.participant.id.startsWith(phone));
		expect(byPhone(BOB)).toMatchObject({ status: 409, ok: false, message: expect.stringMatching(/already a member/i) });
		expect(byPhone(NOBODY)).toMatchObject({ status: 404, ok: false });
		expect(byPhone(ERIN)).toMatchObject({ status: 200, ok: true });
	});

	it('a 403 on add says to send an invitation, and the invite code it returns lets them join', async () => {
		const group = await newGroup('Private people');
		engine.sandbox!.groups.refusesGroupAdd = (target) => target.phone === DAVE;
		try {
			const [refused] = await ok('POST', `/${group.id}/participants`, { action: 'add', participants: [DAVE] });
			expect(refused).toMatchObject({ status: 403, ok: false, message: expect.stringContaining('sendGroupInvite'), invite: { code: expect.any(String) } });
			expect(member(await bob.socket.groupMetadata(group.id), dave)).toBeUndefined();

			const joined = participantsUpdate(bob, group.id, 'add');
			expect(await dave.socket.groupAcceptInvite(refused.invite.code)).toBe(group.id);
			expect((await joined).participants.some(isContact(dave))).toBe(true);
		} finally {
			engine.sandbox!.groups.refusesGroupAdd = () => false;
		}
	});
});

describe('group: invites', () => {
	it('getGroupInviteLink gives a working link; reset revokes the old one and the admins hear the new code', async () => {
		const group = await newGroup('Invitable');
		const first = await ok('GET', `/${group.id}/invite-link`);
		expect(first.link).toBe(`https://chat.whatsapp.com/${first.code}`);
		expect((await carol.socket.groupGetInviteInfo(first.code)).id).toBe(group.id);

		const heard = groupUpdate(alice, group.id, 'inviteCode');
		const reset = await ok('GET', `/${group.id}/invite-link?reset=true`);
		expect(reset.code).not.toBe(first.code);
		expect((await heard).inviteCode).toBe(reset.code);
		await expect(carol.socket.groupGetInviteInfo(first.code)).rejects.toThrow();
		expect((await ok('GET', `/${group.id}/invite-link`)).code).toBe(reset.code);
	});

	it("getGroupInviteInfo previews someone else's group; joinGroupViaInvite joins it by link, the members see it", async () => {
		const meta = await carol.socket.groupCreate("Carol's club", [erin.jid]);
		await carol.socket.groupUpdateDescription(meta.id, 'Board games on Fridays');
		const code = await carol.socket.groupInviteCode(meta.id);

		const preview = await engine.call('GET', `${base}/invite-info?invite=${encodeURIComponent(`https://chat.whatsapp.com/${code}`)}`);
		expect(preview.status).toBe(200);
		expect(preview.body).toMatchObject({ id: meta.id, subject: "Carol's club", description: 'Board games on Fridays', size: 2 });
		expect(preview.body).not.toHaveProperty('participants.0');

		const joinedSeen = participantsUpdate(erin, meta.id, 'add');
		expect(await ok('POST', '/join', { invite: `https://chat.whatsapp.com/${code}` })).toEqual({ id: meta.id, status: 'joined' });
		expect((await joinedSeen).participants.some(isContact(shop))).toBe(true);
		expect(member(await carol.socket.groupMetadata(meta.id), shop)).toBeDefined();

		const bad = await call('POST', '/join', { invite: 'https://chat.whatsapp.com/NoSuchCode123' });
		expect(bad.status).toBe(404);
		expect(bad.body.error.code).toBe('invite_not_found');
		expect((await call('POST', '/join', { invite: 'https://example.com/x y' })).status).toBe(400);
	});

	it('leaveGroup: the others see the shop leave, and the group is gone from its list', async () => {
		const meta = await erin.socket.groupCreate("Erin's errands", [shop.jid]);
		const left = participantsUpdate(erin, meta.id, 'remove');
		expect(await ok('POST', `/${meta.id}/leave`)).toEqual({ ok: true, group: meta.id });
		expect((await left).participants.some(isContact(shop))).toBe(true);
		expect(member(await erin.socket.groupMetadata(meta.id), shop)).toBeUndefined();
		expect((await ok('GET', '?ignoreParticipants=true')).map((g: { id: string }) => g.id)).not.toContain(meta.id);
	});
});

describe('group: join requests', () => {
	it('with approval on, joining by code files a request the admin is told about; approve lets them in, reject does not', async () => {
		const group = await newGroup('Members only', { joinApproval: true });
		expect(group).toMatchObject({ joinApproval: true });
		const { code } = await ok('GET', `/${group.id}/invite-link`);

		// Alice is an admin: she is told about each request, as group.join-request on her socket.
		const carolAsks = next(alice, 'group.join-request', (r: { id: string; action: string; participant: string; participantPn?: string }) =>
			r.id === group.id && r.action === 'created' && (r.participant === carol.lid || r.participantPn === carol.jid) ? r : undefined,
		);
		expect(await carol.socket.groupAcceptInvite(code)).toBeUndefined();
		expect(await carolAsks).toMatchObject({ method: 'invite_link' });
		expect(await erin.socket.groupAcceptInvite(code)).toBeUndefined();
		expect(member(await alice.socket.groupMetadata(group.id), carol)).toBeUndefined();

		const pending = await ok('GET', `/${group.id}/join-requests`);
		expect(pending.map((r: { participant: { phone?: string } }) => r.participant.phone).sort()).toEqual([CAROL, ERIN].sort());
		expect(pending[0]).toMatchObject({ method: 'invite_link', requestedAt: expect.any(Number) });

		const carolIn = participantsUpdate(carol, group.id, 'add');
		const approved = await ok('POST', `/${group.id}/join-requests`, { action: 'approve', participants: [CAROL, DAVE] });
		expect(approved.find((r: { participant: { phone?: string } }) => r.participant.phone === CAROL)).toMatchObject({ status: 200, ok: true });
		expect(approved.find((r: { participant: { id: string; phone?: string } }) => r.participant.phone === DAVE || r.participant.id.startsWith(DAVE))).toMatchObject({ status: 404, ok: false });
		expect((await carolIn).participants.some(isContact(carol))).toBe(true);
		expect(member(await carol.socket.groupMetadata(group.id), carol)).toBeDefined();

		const erinRejected = next(erin, 'group.join-request', (r: { id: string; action: string }) => (r.id === group.id && r.action === 'rejected' ? r : undefined));
		const rejected = await ok('POST', `/${group.id}/join-requests`, { action: 'reject', participants: [ERIN] });
		expect(rejected).toEqual([expect.objectContaining({ status: 200, ok: true })]);
		await erinRejected;
		expect(await ok('GET', `/${group.id}/join-requests`)).toEqual([]);
		expect(member(await alice.socket.groupMetadata(group.id), erin)).toBeUndefined();
	});

	it('joinGroupViaInvite answers "requested" when the group needs approval, and the admin sees the request', async () => {
		const meta = await bob.socket.groupCreate("Bob's approvals", [alice.jid]);
		await bob.socket.groupJoinApprovalMode(meta.id, 'on');
		const code = await bob.socket.groupInviteCode(meta.id);
		const asked = next(bob, 'group.join-request', (r: { id: string; action: string; participantPn?: string; participant?: string }) =>
			r.id === meta.id && r.action === 'created' ? r : undefined,
		);
		expect(await ok('POST', '/join', { invite: code })).toEqual({ id: meta.id, status: 'requested' });
		const request = await asked;
		expect([request.participant, request.participantPn]).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${shop.lid.split('@')[0]}@lid|${SHOP}@s\\.whatsapp\\.net)$`))]));
		expect((await bob.socket.groupRequestParticipantsList(meta.id)).map((r) => r.phone_number)).toEqual([shop.jid]);
	});
});

describe('group: what WhatsApp cannot do', () => {
	it('deleteGroup is a 422 that says what to do instead; nothing changes for the members', async () => {
		const group = await newGroup('Permanent');
		const res = await call('DELETE', `/${group.id}`);
		expect(res.status).toBe(422);
		expect(res.body.error).toMatchObject({ code: 'not_supported', message: expect.stringMatching(/no way to delete a group.*leaveGroup/s) });
		expect((await bob.socket.groupMetadata(group.id)).size).toBe(3);
	});
});

import type { WACallEvent } from '@whiskeysockets/baileys';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { decodeAccount, encodeAccount } from '../../engine/src/sandbox/persistence.js';
import { startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * Every privacy and call operation over real HTTP against the sandbox. What the engine changes is checked from the
 * other side: the account's own phone reads the privacy settings back, other users see the default disappearing
 * timer, a blocked contact's messages stop arriving, and a caller sees the rejection and gets the message.
 */
const SESSION = 'guard';
const SHOP = '4915400000011';
const ALICE = '4917400000012';
const BOB = '4917400000013';
const NOBODY = '4917499999998';

let engine: TestEngine;
let alice: SimContact;
let bob: SimContact;

const base = `/api/sessions/${SESSION}`;
const ok = async (method: string, path: string, body?: unknown) => {
	const res = await engine.call(method, `${base}${path}`, body === undefined ? {} : { body });
	if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};
/** The account as the sandbox's server keeps it. */
const shopAccount = () => engine.sandbox!.server.registry.byPhoneNumber(SHOP)!;
/** The account's own phone: another device of the same account. */
const phone = () => engine.sandbox!.contact(SHOP)!;
const received = (id: string) => engine.waitForEvent((e) => e.session === SESSION && e.type === 'message.received' && e.data.id === id);

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	alice = await engine.sandbox!.createContact({ phone: ALICE, name: 'Alice' });
	bob = await engine.sandbox!.createContact({ phone: BOB, name: 'Bob' });
});

afterAll(async () => {
	await engine?.dispose();
});

describe('privacy settings', () => {
	it('reads every setting from WhatsApp', async () => {
		const settings = await ok('GET', '/privacy');
		expect(settings).toMatchObject({ last_seen: 'all', online: 'all', read_receipts: 'all', group_add: 'all', call_add: 'all', profile: 'all', status: 'all' });
		expect(settings.other).toHaveProperty('messages');
	});

	it('changes one setting; the phone and a fresh read both see it', async () => {
		expect(await ok('PUT', '/privacy', { setting: 'last_seen', value: 'contacts' })).toEqual({ ok: true, setting: 'last_seen', value: 'contacts' });
		expect(await ok('PUT', '/privacy', { setting: 'online', value: 'match_last_seen' })).toMatchObject({ ok: true });
		expect(await ok('PUT', '/privacy', { setting: 'status', value: 'contact_blacklist' })).toMatchObject({ ok: true });
		const onPhone = await phone().socket.fetchPrivacySettings(true);
		expect(onPhone).toMatchObject({ last: 'contacts', online: 'match_last_seen', status: 'contact_blacklist' });
		expect(await ok('GET', '/privacy')).toMatchObject({ last_seen: 'contacts', online: 'match_last_seen', status: 'contact_blacklist', read_receipts: 'all' });
		expect(await ok('GET', '/privacy/status')).toEqual({ status: 'contact_blacklist' });
	});

	it('refuses a value the setting does not take, naming the allowed ones, and changes nothing', async () => {
		const res = await engine.call('PUT', `${base}/privacy`, { body: { setting: 'read_receipts', value: 'contacts' } });
		expect(res.status).toBe(400);
		expect(JSON.stringify(res.body)).toContain('read_receipts accepts all, none');
		const unknown = await engine.call('PUT', `${base}/privacy`, { body: { setting: 'shoe_size', value: 'all' } });
		expect(unknown.status).toBe(400);
		expect((await phone().socket.fetchPrivacySettings(true)).readreceipts).toBe('all');
	});

	it('sets the default disappearing timer, which other users see', async () => {
		expect(await ok('PUT', '/privacy/disappearing-timer', { timer: '7d' })).toEqual({ ok: true, timer: '7d', seconds: 604_800 });
		const [seen] = (await alice.socket.fetchDisappearingDuration(`${SHOP}@s.whatsapp.net`)) ?? [];
		expect((seen as { disappearing_mode?: { duration: number } }).disappearing_mode?.duration).toBe(604_800);
		expect(shopAccount().privacy?.disappearing.duration).toBe(604_800);

		expect(await ok('PUT', '/privacy/disappearing-timer', { timer: 'off' })).toMatchObject({ seconds: 0 });
		const [off] = (await alice.socket.fetchDisappearingDuration(`${SHOP}@s.whatsapp.net`)) ?? [];
		expect((off as { disappearing_mode?: { duration: number } }).disappearing_mode?.duration).toBe(0);
		expect((await engine.call('PUT', `${base}/privacy/disappearing-timer`, { body: { timer: '30d' } })).status).toBe(400);
	});

	it('lists the status audience lists as WhatsApp reports them', async () => {
		const lists = await ok('GET', '/privacy/status/audience');
		expect(lists).toEqual([
			{ type: 'contacts', default: true, users: [] },
			{ type: 'blacklist', default: false, users: [] },
			{ type: 'whitelist', default: false, users: [] },
		]);
	});
});

describe('blocklist', () => {
	it('blocks several contacts: WhatsApp lists them, and a blocked contact’s messages no longer arrive', async () => {
		expect(await ok('GET', '/blocklist')).toEqual([]);
		expect(await ok('POST', '/blocklist', { action: 'block', users: [`+${ALICE}`, `${BOB}@s.whatsapp.net`] })).toEqual({
			ok: true,
			action: 'block',
			users: [`${ALICE}@s.whatsapp.net`, `${BOB}@s.whatsapp.net`],
		});
		expect([...(shopAccount().privacy?.blocked ?? [])].sort()).toEqual([ALICE, BOB]);
		const list = (await ok('GET', '/blocklist')) as Array<{ jid: string; phone?: string }>;
		expect(list.map((entry) => entry.phone).sort()).toEqual([ALICE, BOB]);
		expect(list.map((entry) => entry.jid).sort()).toEqual([alice.lid, bob.lid].sort());

		const blocked = await alice.sendText(SHOP, 'are you ignoring me?');
		expect(await ok('POST', '/blocklist', { action: 'unblock', users: [`+${ALICE}`] })).toMatchObject({ ok: true, action: 'unblock' });
		expect([...(shopAccount().privacy?.blocked ?? [])]).toEqual([BOB]);
		// Messages between two devices arrive in order: once the later one is in, the blocked one would have been too.
		const after = await alice.sendText(SHOP, 'hello again');
		await received(after.id);
		expect(engine.events.list({ after: 0, limit: 1_000_000 }).some((e) => e.type === 'message.received' && e.data.id === blocked.id)).toBe(false);
		expect((await ok('GET', '/blocklist')).map((entry: { phone?: string }) => entry.phone)).toEqual([BOB]);
	});

	it('keeps privacy, blocklist and timer across a restart of the simulated world', () => {
		const restored = decodeAccount(encodeAccount(shopAccount()));
		expect(restored.privacy).toEqual(shopAccount().privacy);
		expect([...restored.privacy!.blocked]).toEqual([BOB]);
		expect(restored.privacy!.settings).toMatchObject({ last: 'contacts', online: 'match_last_seen' });
	});

	it('refuses to block a number that is not on WhatsApp, and blocks nothing', async () => {
		const res = await engine.call('POST', `${base}/blocklist`, { body: { action: 'block', users: [`+${NOBODY}`] } });
		expect(res.status).toBe(404);
		expect(res.body.error.code).toBe('user_not_found');
		const empty = await engine.call('POST', `${base}/blocklist`, { body: { action: 'block', users: [] } });
		expect(empty.status).toBe(400);
		expect([...(shopAccount().privacy?.blocked ?? [])]).toEqual([BOB]);
	});
});

describe('rejectCall', () => {
	it('declines a ringing call: the caller sees it rejected and gets the message', async () => {
		const rejected = new Promise<WACallEvent>((resolve) => bob.socket.ev.on('call', (calls) => calls.forEach((c) => c.status === 'reject' && resolve(c))));
		await ok('POST', '/blocklist', { action: 'unblock', users: [`+${BOB}`] });
		const call = await engine.call('POST', `/api/sandbox/contacts/${BOB}/calls`, { body: { to: SHOP } });
		expect(call.status).toBe(201);
		const { callId } = call.body as { callId: string };
		const offer = await engine.waitForEvent((e) => e.session === SESSION && e.type === 'call.offer' && e.data.callId === callId);
		const from = (offer.sender as { id: string }).id;

		const answer = await ok('POST', `/calls/${callId}/reject`, { from, message: 'In a meeting, please write.' });
		expect(answer).toMatchObject({ ok: true, callId, from });
		expect((await rejected).id).toBe(callId);
		const note = await bob.waitForMessage((m) => m.text === 'In a meeting, please write.');
		expect(note.fromPhone).toBe(SHOP);
		expect(note.id).toBe(answer.messageId);
	});

	it('refuses reject types a linked device cannot give', async () => {
		const res = await engine.call('POST', `${base}/calls/ABC123/reject`, { body: { from: `+${BOB}`, rejectType: 'busy' } });
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('not_supported');
	});
});

import type { WASocket } from '@whiskeysockets/baileys';
import { proto } from '@whiskeysockets/baileys';
import { EventEmitter } from 'node:events';
import { compileFilter } from '../../engine/src/events/filters.js';
import type { EngineEvent, NewEvent } from '../../engine/src/events/types.js';
import type { SimContact } from '../../engine/src/sandbox/contacts.js';
import { forwardSocketEvents } from '../../engine/src/sessions/baileys-events.js';
import { ADMIN_KEY, startPairedSandboxEngine, type TestEngine } from '../helpers/engine.js';

/**
 * Poll votes, deletions for me, join requests, undecryptable messages, newsletter activity and the status-only
 * filter, as the engine's public events: from real sandbox traffic where the simulator can produce it, from
 * Baileys-shaped payloads where it cannot.
 */
const SESSION = 'news';
const SHOP = '4915400000051';
const DORA = '4917400000052';
const EVE = '4917400000053';

let engine: TestEngine;
let dora: SimContact;
let eve: SimContact;

const ofSession = (type: string, check: (e: EngineEvent) => boolean) => (e: EngineEvent) => e.session === SESSION && e.type === type && check(e);
const post = async (path: string, body: unknown, status = 201) => {
	const res = await engine.call('POST', path, { body });
	if (res.status !== status) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(res.body)}`);
	return res.body;
};

beforeAll(async () => {
	engine = await startPairedSandboxEngine(SESSION, SHOP);
	dora = await engine.sandbox!.createContact({ phone: DORA, name: 'Dora' });
	eve = await engine.sandbox!.createContact({ phone: EVE, name: 'Eve' });
});
afterAll(async () => {
	await engine?.dispose();
});

describe('poll.vote', () => {
	it('decrypts a contact\'s vote on a poll the session sent: poll id, voter phone and LID, option names; an empty vote takes it back', async () => {
		const poll = await post(`/api/sessions/${SESSION}/messages/poll`, { to: DORA, question: 'Which colour?', options: ['Red', 'Green', 'Blue'], maxAnswers: 2 });
		await dora.waitForMessage((m) => m.id === poll.id);

		const vote = await post(`/api/sandbox/contacts/${DORA}/poll-votes`, { pollId: poll.id, options: ['Red', 'Blue'] });
		const event = await engine.waitForEvent(ofSession('poll.vote', (e) => e.data.id === vote.id));
		expect(event.data).toMatchObject({ pollId: poll.id, fromMe: false, selectedOptions: ['Red', 'Blue'], voter: { phone: DORA, lid: dora.lid } });
		expect(event.sender).toMatchObject({ phone: DORA, lid: dora.lid });
		expect(event.chat?.phone).toBe(DORA);
		// A vote is not a received message.
		expect(engine.events.list({ after: 0, limit: 1_000_000 }).filter((e) => e.type === 'message.received' && e.data.id === vote.id)).toEqual([]);

		const retracted = await post(`/api/sandbox/contacts/${DORA}/poll-votes`, { pollId: poll.id, options: [] });
		expect((await engine.waitForEvent(ofSession('poll.vote', (e) => e.data.id === retracted.id))).data.selectedOptions).toEqual([]);
	});

	it('refuses votes the sandbox contact cannot cast', async () => {
		const poll = await post(`/api/sessions/${SESSION}/messages/poll`, { to: DORA, question: 'Yes or no?', options: ['Yes', 'No'] });
		await dora.waitForMessage((m) => m.id === poll.id);
		expect((await engine.call('POST', `/api/sandbox/contacts/${DORA}/poll-votes`, { body: { pollId: poll.id, options: ['Maybe'] } })).status).toBe(400);
		const text = await post(`/api/sessions/${SESSION}/messages/text`, { to: DORA, text: 'not a poll' });
		await dora.waitForMessage((m) => m.id === text.id);
		expect((await engine.call('POST', `/api/sandbox/contacts/${DORA}/poll-votes`, { body: { pollId: text.id, options: ['Yes'] } })).status).toBe(400);
		expect((await engine.call('POST', `/api/sandbox/contacts/${DORA}/poll-votes`, { body: { pollId: 'NOSUCHPOLL', options: ['Yes'] } })).status).toBe(404);
	});
});

describe('message.deleted', () => {
	it('a delete for me (here through the API) is message.deleted with the target id', async () => {
		const sent = await post(`/api/sessions/${SESSION}/messages/text`, { to: DORA, text: 'only here' });
		await post(`/api/sessions/${SESSION}/messages/${sent.id}/delete-for-me`, { chat: DORA }, 200);
		const deleted = await engine.waitForEvent(ofSession('message.deleted', (e) => e.data.targetId === sent.id));
		expect(deleted.data).toEqual({ targetId: sent.id, fromMe: true });
		expect(deleted.chat?.phone).toBe(DORA);
	});
});

describe('group.joinRequest', () => {
	it('someone asking to join a group with approval on is group.joinRequest to its admins', async () => {
		const group = (await dora.createGroup('Members only', [SHOP])).id;
		await engine.waitForEvent(ofSession('group.joined', (e) => e.chat?.id === group));
		await dora.socket.groupParticipantsUpdate(group, [`${SHOP}@s.whatsapp.net`], 'promote');
		await dora.socket.groupJoinApprovalMode(group, 'on');
		const code = await dora.socket.groupInviteCode(group);
		await eve.socket.groupAcceptInvite(code!);
		const request = await engine.waitForEvent(ofSession('group.joinRequest', (e) => e.chat?.id === group));
		expect(request.data).toMatchObject({ action: 'created', method: 'invite_link', participant: { phone: EVE, lid: eve.lid } });
		expect(request.sender?.phone).toBe(EVE);
	});
});

describe('mapped from Baileys payloads (the sandbox cannot produce these)', () => {
	const mapped = (name: string, payload: unknown): Promise<NewEvent[]> =>
		new Promise((resolve) => {
			const out: NewEvent[] = [];
			const ev = new EventEmitter();
			const lidMapping = { getPNForLID: async () => `${DORA}@s.whatsapp.net`, getLIDForPN: async () => '99887766@lid' };
			const socket = { ev, user: { id: `${SHOP}:3@s.whatsapp.net` }, signalRepository: { lidMapping } } as unknown as WASocket;
			const detach = forwardSocketEvents(socket, 's1', (e) => {
				out.push(e);
				detach();
				resolve(out);
			});
			ev.emit(name, payload);
		});
	const from = `${DORA}@s.whatsapp.net`;

	it('an undecryptable message (CIPHERTEXT stub) is message.undecryptable with the reason', async () => {
		const [event] = await mapped('messages.upsert', {
			type: 'notify',
			messages: [{ key: { remoteJid: from, id: 'BAD1', fromMe: false }, messageTimestamp: 1_700_000_000, messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT, messageStubParameters: ['No session found'] }],
		});
		expect(event).toMatchObject({ type: 'message.undecryptable', timestamp: 1_700_000_000_000, sender: { phone: DORA }, data: { id: 'BAD1', fromMe: false, reason: 'No session found' } });
	});

	it('a chat cleared for me is message.deleted with all: true', async () => {
		expect((await mapped('messages.delete', { jid: from, all: true }))[0]).toMatchObject({ type: 'message.deleted', chat: { phone: DORA }, data: { all: true } });
	});

	it('a join request named by LID gets the phone number from the LID mapping; a withdrawn one keeps its action', async () => {
		const [event] = await mapped('group.join-request', { id: '1203630000000001@g.us', author: '11223344@lid', participant: '55667788@lid', action: 'revoked', method: undefined });
		expect(event).toMatchObject({ type: 'group.joinRequest', chat: { id: '1203630000000001@g.us' }, data: { action: 'revoked', participant: { lid: '55667788@lid', phone: DORA } } });
		expect(event.data).not.toHaveProperty('method');
	});

	it('newsletter reactions, views, participant and settings changes are newsletter.*', async () => {
		const channel = '120363999999999999@newsletter';
		expect((await mapped('newsletter.reaction', { id: channel, server_id: '42', reaction: { code: '🔥', count: 3 } }))[0]).toMatchObject({
			type: 'newsletter.reaction',
			chat: { id: channel },
			data: { serverId: '42', emoji: '🔥', count: 3, removed: false },
		});
		expect((await mapped('newsletter.view', { id: channel, server_id: '42', count: 120 }))[0]).toMatchObject({ type: 'newsletter.view', data: { serverId: '42', count: 120 } });
		expect((await mapped('newsletter-participants.update', { id: channel, author: from, user: `${EVE}@s.whatsapp.net`, new_role: 'ADMIN', action: 'promote' }))[0]).toMatchObject({
			type: 'newsletter.participants',
			data: { action: 'promote', role: 'ADMIN', user: { phone: EVE }, author: { phone: DORA } },
		});
		expect((await mapped('newsletter-settings.update', { id: channel, update: { name: 'Deals', description: 'Weekly' } }))[0]).toMatchObject({
			type: 'newsletter.settings',
			data: { name: 'Deals', description: 'Weekly' },
		});
	});

	it('a vote on a poll the session does not remember is still reported, marked as not decrypted', async () => {
		const [event] = await mapped('messages.upsert', {
			type: 'notify',
			messages: [
				{
					key: { remoteJid: from, id: 'VOTE1', fromMe: false },
					messageTimestamp: 1_700_000_000,
					message: { pollUpdateMessage: { pollCreationMessageKey: { remoteJid: from, id: 'UNKNOWNPOLL', fromMe: true }, vote: { encPayload: Buffer.alloc(16), encIv: Buffer.alloc(12) } } },
				},
			],
		});
		expect(event).toMatchObject({ type: 'poll.vote', data: { id: 'VOTE1', pollId: 'UNKNOWNPOLL', decrypted: false, voter: { phone: DORA, lid: '99887766@lid' } } });
	});
});

describe('onlyStatusUpdates filter', () => {
	it('lets only message.receipt through, and the webhook API accepts it', async () => {
		const only = compileFilter(['*'], { onlyStatusUpdates: true }, () => undefined);
		const event = (type: string): EngineEvent => ({ id: type, seq: 1, version: 1, type, session: 's', timestamp: 0, data: {} });
		expect(['message.receipt', 'message.received', 'message.sent', 'session.connected', 'poll.vote'].filter((type) => only(event(type)))).toEqual(['message.receipt']);
		const hook = await engine.call('POST', '/api/webhooks', { body: { url: 'https://example.com/status', session: SESSION, filters: { onlyStatusUpdates: true } } });
		expect(hook.status).toBe(200);
		expect(hook.body.created).toBe(true);
		expect(hook.body.filters).toEqual({ onlyStatusUpdates: true });
	});

	it('on the event stream too', async () => {
		const controller = new AbortController();
		const stream = await fetch(`${engine.url}/api/sessions/${SESSION}/events/stream?after=0&onlyStatusUpdates=true`, { headers: { 'x-api-key': ADMIN_KEY }, signal: controller.signal });
		const reader = stream.body!.getReader();
		let text = '';
		const firstEvent = async () => {
			while (!text.includes('\ndata: ')) text += new TextDecoder().decode((await reader.read()).value);
			return JSON.parse(text.slice(text.indexOf('\ndata: ') + 7).split('\n')[0]!) as EngineEvent;
		};
		// Everything the session logged before is replayed (after=0); only receipts may come through.
		await post(`/api/sessions/${SESSION}/messages/text`, { to: DORA, text: 'status please' });
		const first = await firstEvent();
		controller.abort();
		expect(first.type).toBe('message.receipt');
	});
});

describe('OpenAPI', () => {
	it('describes the event stream beside the registry routes', async () => {
		const doc = (await engine.call('GET', '/openapi.json')).body;
		const stream = doc.paths['/api/sessions/{session}/events/stream'].get;
		expect(stream.operationId).toBe('event.streamEvents');
		expect(stream.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['session', 'after', 'types', 'onlyStatusUpdates', 'Last-Event-ID']));
		expect(Object.keys(stream.responses[200].content)).toEqual(['text/event-stream']);
	});
});

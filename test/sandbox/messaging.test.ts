import { jest } from '@jest/globals';
import { downloadMediaMessage, generateMessageIDV2, proto, type WAMessage } from '@whiskeysockets/baileys';
import { randomBytes } from 'node:crypto';
import { WhatsAppSandbox, type SimContact } from '../../engine/src/sandbox/index.js';
import { end, linkedClient, quiet, statusTracker, waitForEvent, type Client } from './helpers.js';

jest.setTimeout(30_000);
let sandbox: WhatsAppSandbox;
let a: Client & { jid: string };
let bob: SimContact;
beforeAll(async () => {
	sandbox = await WhatsAppSandbox.start({ logger: quiet });
	sandbox.installTrust();
	bob = await sandbox.createContact({ phone: '15552220000', name: 'Bob' });
	a = await linkedClient(sandbox, '15551110000', 'Alice');
});
afterAll(async () => {
	await end(a);
	await sandbox.stop();
});

const incoming = (c: Client, pred: (m: WAMessage) => boolean) =>
	waitForEvent(c.sock, 'messages.upsert', (u: { messages: WAMessage[] }) => u.messages.find(m => !m.key.fromMe && pred(m)));

test('A -> B text decrypted exactly, B -> A reply', async () => {
	const text = `hello bob ${randomBytes(4).toString('hex')} ✓`;
	const sent = await a.sock.sendMessage(bob.jid, { text });
	const got = await bob.waitForMessage(m => m.id === sent!.key.id);
	expect(got.text).toBe(text);
	expect(got.fromPhone).toBe('15551110000');
	const replyP = incoming(a, m => m.message?.conversation === 'hi alice' || m.message?.extendedTextMessage?.text === 'hi alice');
	await bob.sendText('15551110000', 'hi alice', { quoted: got });
	const reply = await replyP;
	expect(reply.message?.extendedTextMessage?.contextInfo?.stanzaId).toBe(sent!.key.id);
});

test('delivery and read receipts reach the sender', async () => {
	const id = generateMessageIDV2(a.jid);
	const status = statusTracker(a.sock, id);
	await a.sock.sendMessage(bob.jid, { text: 'please read' }, { messageId: id });
	const got = await bob.waitForMessage(m => m.id === id);
	expect(await status.reached(proto.WebMessageInfo.Status.DELIVERY_ACK)).toBeGreaterThanOrEqual(3);
	await bob.markRead([got]);
	expect(await status.reached(proto.WebMessageInfo.Status.READ)).toBe(proto.WebMessageInfo.Status.READ);
});

test('image bytes identical after download (both directions)', async () => {
	const bytes = randomBytes(70_000);
	const sent = await a.sock.sendMessage(bob.jid, { image: bytes, mimetype: 'image/jpeg', caption: 'pic', jpegThumbnail: '' } as never);
	const got = await bob.waitForMessage(m => m.id === sent!.key.id && !!m.media, 15_000);
	expect(got.caption).toBe('pic');
	expect(Buffer.compare(got.media!.data, bytes)).toBe(0);
	const back = randomBytes(30_000);
	const inc = incoming(a, m => !!m.message?.documentMessage);
	await bob.sendDocument('15551110000', back, { fileName: 'x.bin', mimetype: 'application/octet-stream' });
	const msg = await inc;
	const data = (await downloadMediaMessage(msg, 'buffer', sandbox.mediaDownloadOptions())) as Buffer;
	expect(Buffer.compare(data, back)).toBe(0);
});

test('presence subscribe and typing are observed', async () => {
	await bob.sendPresence('available');
	const avail = waitForEvent(a.sock, 'presence.update', (u: { id: string; presences: Record<string, { lastKnownPresence: string }> }) =>
		u.id.startsWith('15552220000') ? u : undefined,
	);
	await a.sock.presenceSubscribe(bob.jid);
	expect(Object.values((await avail).presences)[0]!.lastKnownPresence).toBe('available');
	const typing = waitForEvent(a.sock, 'presence.update', (u: { presences: Record<string, { lastKnownPresence: string }> }) =>
		Object.values(u.presences).find(p => p.lastKnownPresence === 'composing'),
	);
	await bob.sendPresence('composing', '15551110000');
	expect((await typing).lastKnownPresence).toBe('composing');
});

import { SandboxEngine } from '../helpers/sandbox-engine.js';

/**
 * The engine as a real child process in sandbox mode: real Baileys sockets, a real SQLite file, real HTTP.
 * Each step builds on the previous one (one paired session, the same contacts), as a user would go.
 */
describe('engine against the WhatsApp sandbox', () => {
	let engine: SandboxEngine;
	const SESSION = 'shop';
	const SHOP_PHONE = '4915100000001';
	const ALICE = '4917000000002';
	const BOB = '4917000000003';
	const CAROL = '4917000000004';

	beforeAll(async () => {
		engine = await SandboxEngine.start();
	});
	afterAll(async () => {
		await engine?.dispose();
	});

	test('1. a session created over REST is paired by scanning its QR code and becomes connected', async () => {
		const linked = await engine.pairedSession(SESSION, SHOP_PHONE);
		expect(linked.jid).toMatch(new RegExp(`^${SHOP_PHONE}:\\d+@s\\.whatsapp\\.net$`));
		const status = await engine.ok('GET', `/api/sessions/${SESSION}/status`);
		expect(status).toMatchObject({ state: 'connected', me: { phone: SHOP_PHONE } });
		expect((await engine.ok('GET', `/api/sessions/${SESSION}`)).paired).toBe(true);
	});

	test('2. after the engine process restarts, the session comes back without pairing again', async () => {
		await engine.restart();
		await engine.waitForEvent(SESSION, 'session.connected', await engine.lastSeq(SESSION));
		const status = await engine.ok('GET', `/api/sessions/${SESSION}/status`);
		expect(status).toMatchObject({ state: 'connected', me: { phone: SHOP_PHONE } });
		const qr = await engine.api('GET', `/api/sessions/${SESSION}/qr?wait=0`);
		expect(qr.status).toBe(409);
		expect(qr.body.error.code).toBe('already_paired');
	});

	test('3. text goes to a contact, who decrypts it exactly; the reply reaches the engine', async () => {
		await engine.ok('POST', '/api/sandbox/contacts', { phone: ALICE, name: 'Alice' });
		const text = `Your order #1042 ships today 📦 (${Date.now()})`;
		const sent = await engine.ok('POST', `/api/sessions/${SESSION}/messages/text`, { to: `+${ALICE}`, text });
		const received = await engine.contactReceived(ALICE, (m) => m.id === sent.id);
		expect(received).toMatchObject({ text, fromPhone: SHOP_PHONE, fromMe: false });

		const after = await engine.lastSeq(SESSION);
		const reply = `Thanks! ${Date.now()}`;
		const replied = await engine.ok('POST', `/api/sandbox/contacts/${ALICE}/messages`, { to: SHOP_PHONE, text: reply });
		const event = await engine.waitForEvent(SESSION, 'message.received', after, (e) => e.data.id === replied.id);
		expect(event.data).toMatchObject({ type: 'text', text: reply, fromMe: false });
		expect(event.sender).toMatchObject({ phone: ALICE, lid: expect.stringMatching(/@lid$/) });
		expect(event.chat.phone).toBe(ALICE);
	});

	test('4. delivery and read receipts reach the sender', async () => {
		const after = await engine.lastSeq(SESSION);
		const sent = await engine.ok('POST', `/api/sessions/${SESSION}/messages/text`, { to: ALICE, text: 'Did you get this?' });
		await engine.contactReceived(ALICE, (m) => m.id === sent.id);
		const delivered = await engine.waitForEvent(SESSION, 'message.receipt', after, (e) => e.data.id === sent.id && e.data.status === 'delivered');
		expect(delivered.data.fromMe).toBe(true);
		await engine.ok('POST', `/api/sandbox/contacts/${ALICE}/read`, { messageIds: [sent.id] });
		await engine.waitForEvent(SESSION, 'message.receipt', after, (e) => e.data.id === sent.id && e.data.status === 'read');
	});

	test.each([
		['lid', 'Team (LID addressing)'],
		['pn', 'Team (phone-number addressing)'],
	])('5. a %s-addressed group with two contacts: one message reaches both', async (mode, subject) => {
		for (const [phone, name] of [
			[BOB, 'Bob'],
			[CAROL, 'Carol'],
		]) {
			const created = await engine.api('POST', '/api/sandbox/contacts', { phone, name });
			expect([201, 409]).toContain(created.status);
		}
		await engine.ok('PUT', '/api/sandbox/settings', { groupAddressingMode: mode });
		const group = await engine.ok('POST', `/api/sessions/${SESSION}/groups`, { subject, participants: [BOB, `+${CAROL}`] });
		expect(group.id).toMatch(/@g\.us$/);
		expect(group.addressingMode).toBe(mode);
		const text = `Hello team (${mode})`;
		const sent = await engine.ok('POST', `/api/sessions/${SESSION}/messages/text`, { to: group.id, text });
		for (const phone of [BOB, CAROL]) {
			const received = await engine.contactReceived(phone, (m) => m.id === sent.id);
			expect(received).toMatchObject({ chat: group.id, text });
		}
	});

	test('6. an image arrives byte-identical', async () => {
		const image = Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
			'base64',
		);
		const sent = await engine.ok('POST', `/api/sessions/${SESSION}/messages/image`, {
			to: ALICE,
			image: { base64: image.toString('base64'), mimetype: 'image/png' },
			caption: 'the label',
		});
		const received = await engine.contactReceived(ALICE, (m) => m.id === sent.id);
		expect(received.caption).toBe('the label');
		expect(received.media.mimetype).toBe('image/png');
		expect(Buffer.from(received.media.base64, 'base64').equals(image)).toBe(true);
	});

	describe('7. faults', () => {
		const fault = (body: unknown) => engine.ok('POST', `/api/sandbox/sessions/${SESSION}/faults`, body);

		test('515 restart-required: the session reconnects by itself at once', async () => {
			const after = await engine.lastSeq(SESSION);
			await fault({ type: 'stream-error', code: 515 });
			await engine.waitForEvent(SESSION, 'session.disconnected', after);
			await engine.waitForEvent(SESSION, 'session.connected', after);
			expect((await engine.ok('GET', `/api/sessions/${SESSION}/status`)).state).toBe('connected');
		});

		test('a dropped connection comes back with backoff', async () => {
			const after = await engine.lastSeq(SESSION);
			await fault({ type: 'drop' });
			const lost = await engine.waitForEvent(SESSION, 'session.disconnected', after);
			expect(lost.data).toMatchObject({ state: 'reconnecting', problem: { code: 'connection_error' } });
			await engine.waitForEvent(SESSION, 'session.connected', after);
		});

		test('440 replaced: the session stops and says why; connect takes over again', async () => {
			const after = await engine.lastSeq(SESSION);
			await fault({ type: 'stream-error', code: 440 });
			const stopped = await engine.waitForEvent(SESSION, 'session.disconnected', after);
			expect(stopped.data).toMatchObject({ state: 'failed', problem: { code: 'replaced', closeCode: 440 } });
			expect((await engine.ok('GET', `/api/sessions/${SESSION}/status`)).state).toBe('failed');
			await engine.ok('POST', `/api/sessions/${SESSION}/connect`);
			await engine.waitForEvent(SESSION, 'session.connected', after);
		});

		test('401 logged out: the session ends logged out and its credentials are wiped', async () => {
			const after = await engine.lastSeq(SESSION);
			await fault({ type: 'stream-error', code: 401 });
			const loggedOut = await engine.waitForEvent(SESSION, 'session.loggedOut', after);
			expect(loggedOut.data.problem).toMatchObject({ code: 'logged_out', closeCode: 401 });
			const session = await engine.ok('GET', `/api/sessions/${SESSION}`);
			expect(session).toMatchObject({ paired: false, status: { state: 'logged_out' } });
		});
	});
});

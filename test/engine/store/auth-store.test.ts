import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BufferJSON, initAuthCreds, proto, type AuthenticationCreds, type KeyPair } from '@whiskeysockets/baileys';
import { openDatabase, type Db } from '../../../engine/src/store/db.js';
import { AuthStore } from '../../../engine/src/store/auth-store.js';
import { SessionRepository } from '../../../engine/src/store/session-repo.js';
import { decodeJson, encodeJson } from '../../../engine/src/store/json-codec.js';
import { useSqliteAuthState } from '../../../engine/src/sessions/baileys-auth-state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const crashWriter = path.join(here, 'fixtures', 'crash-writer.mjs');

let tmp: string;
const open: Db[] = [];

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-store-test-'));
});

afterAll(() => {
	fs.rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
	for (const db of open.splice(0)) if (db.open) db.close();
});

let fileCounter = 0;
const newFile = () => path.join(tmp, `engine-${++fileCounter}.sqlite`);

function connect(file: string): { db: Db; store: AuthStore; sessions: SessionRepository } {
	const db = openDatabase(file);
	open.push(db);
	return { db, store: new AuthStore(db), sessions: new SessionRepository(db) };
}

function addSession(sessions: SessionRepository, id: string): void {
	sessions.insert({ id, name: id, apiKeyHash: null, config: {} });
}

/** Walks every leaf of `expected`, asserting binary leaves come back binary and byte-equal, others equal. */
function expectSameShape(actual: unknown, expected: unknown, at = '$'): void {
	if (expected instanceof Uint8Array) {
		if (!(actual instanceof Uint8Array)) throw new Error(`${at}: expected binary, got ${typeof actual}`);
		expect({ at, hex: Buffer.from(actual).toString('hex') }).toEqual({ at, hex: Buffer.from(expected).toString('hex') });
		return;
	}
	if (expected !== null && typeof expected === 'object') {
		expect(actual !== null && typeof actual === 'object').toBe(true);
		// JSON has no undefined: initAuthCreds() sets e.g. pairingCode: undefined, which reads back as absent.
		const defined = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined).sort();
		expect({ at, keys: defined(actual as object) }).toEqual({ at, keys: defined(expected) });
		for (const [key, value] of Object.entries(expected)) {
			if (value === undefined) continue;
			expectSameShape((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
		}
		return;
	}
	expect({ at, value: actual }).toEqual({ at, value: expected });
}

const keyPair = (): KeyPair => ({ public: randomBytes(32), private: randomBytes(32) });

describe('creds through useSqliteAuthState', () => {
	test('initAuthCreds() creds survive saveCreds and a fresh connection, byte for byte', () => {
		const file = newFile();
		const first = connect(file);
		addSession(first.sessions, 's1');

		const { state, saveCreds } = useSqliteAuthState(first.store, 's1');
		const original = initAuthCreds();
		// useSqliteAuthState creates creds when none are stored; they are not persisted until saveCreds.
		expect(first.store.hasCreds('s1')).toBe(false);
		Object.assign(state.creds, original);
		// Fields set later in a real pairing, incl. nested binary and a non-Buffer Uint8Array.
		state.creds.me = { id: '491701234567:12@s.whatsapp.net', lid: '123456789:12@lid', name: 'Tester' };
		state.creds.registered = true;
		state.creds.account = {
			details: new Uint8Array(randomBytes(40)),
			accountSignatureKey: new Uint8Array(randomBytes(32)),
			accountSignature: new Uint8Array(randomBytes(64)),
			deviceSignature: new Uint8Array(randomBytes(64)),
		};
		saveCreds();
		const expected = structuredClone(state.creds) as AuthenticationCreds;
		first.db.close();

		const second = connect(file);
		expect(second.store.hasCreds('s1')).toBe(true);
		const reopened = useSqliteAuthState(second.store, 's1').state.creds;
		expectSameShape(reopened, expected);
		// Baileys hands these straight to libsignal/crypto: they must be real binary values.
		for (const value of [
			reopened.noiseKey.private,
			reopened.noiseKey.public,
			reopened.pairingEphemeralKeyPair.public,
			reopened.signedIdentityKey.private,
			reopened.signedPreKey.keyPair.public,
			reopened.signedPreKey.signature,
			reopened.account!.details,
		]) {
			expect(value).toBeInstanceOf(Uint8Array);
		}
		expect(reopened.signedIdentityKey.public).toHaveLength(32);
		expect(reopened.registrationId).toBe(original.registrationId);
		expect(reopened.advSecretKey).toBe(original.advSecretKey);
	});

	test('saveCreds persists later changes of the same creds object', () => {
		const file = newFile();
		const first = connect(file);
		addSession(first.sessions, 's1');
		const { state, saveCreds } = useSqliteAuthState(first.store, 's1');
		saveCreds();
		state.creds.nextPreKeyId = 813;
		state.creds.firstUnuploadedPreKeyId = 813;
		state.creds.signedPreKey.signature = Buffer.from('new-signature');
		saveCreds();
		first.db.close();

		const creds = useSqliteAuthState(connect(file).store, 's1').state.creds;
		expect(creds.nextPreKeyId).toBe(813);
		expect(creds.firstUnuploadedPreKeyId).toBe(813);
		expect(Buffer.from(creds.signedPreKey.signature).toString()).toBe('new-signature');
	});

	test('a session without stored creds gets fresh ones, not another session\'s', () => {
		const { store, sessions } = connect(newFile());
		addSession(sessions, 'a');
		addSession(sessions, 'b');
		const a = useSqliteAuthState(store, 'a');
		a.saveCreds();
		const b = useSqliteAuthState(store, 'b').state.creds;
		expect(Buffer.from(b.noiseKey.private).equals(Buffer.from(a.state.creds.noiseKey.private))).toBe(false);
		expect(store.hasCreds('b')).toBe(false);
	});
});

describe('keys through useSqliteAuthState', () => {
	const preKey1 = keyPair();
	const preKey2 = keyPair();
	const sessionRecord = new Uint8Array(randomBytes(3000));
	const senderKey = new Uint8Array(randomBytes(700));
	const appStateKeyData = new Uint8Array(randomBytes(32));
	const sessionJid = '491701234567.0';
	const senderKeyId = '120363000000000000@g.us::491701234567::0';

	let file: string;
	let store: AuthStore;

	beforeEach(async () => {
		file = newFile();
		const c = connect(file);
		addSession(c.sessions, 's1');
		store = c.store;
		const { state } = useSqliteAuthState(store, 's1');
		await state.keys.set({
			'pre-key': { '1': preKey1, '2': preKey2 },
			session: { [sessionJid]: sessionRecord },
			'sender-key': { [senderKeyId]: senderKey },
			'app-state-sync-key': {
				AAAAAEoz: proto.Message.AppStateSyncKeyData.fromObject({
					keyData: appStateKeyData,
					fingerprint: { rawId: 7, currentIndex: 3, deviceIndexes: [0, 1, 5] },
					timestamp: 1_700_000_000,
				}),
			},
			'lid-mapping': { '491701234567': '123456789012345', '123456789012345_reverse': '491701234567' },
		});
	});

	/** Every kind read back the same, both from the writing connection (cache) and a new one (file). */
	test.each([
		['same connection', () => useSqliteAuthState(store, 's1')],
		['new connection', () => useSqliteAuthState(connect(file).store, 's1')],
	])('every key type reads back intact (%s)', async (_label, make) => {
		const { keys } = make().state;

		const preKeys = await keys.get('pre-key', ['1', '2']);
		expectSameShape(preKeys, { '1': preKey1, '2': preKey2 });

		const sessions = await keys.get('session', [sessionJid]);
		expectSameShape(sessions, { [sessionJid]: sessionRecord });

		const senderKeys = await keys.get('sender-key', [senderKeyId]);
		expectSameShape(senderKeys, { [senderKeyId]: senderKey });

		const appState = (await keys.get('app-state-sync-key', ['AAAAAEoz']))['AAAAAEoz'];
		expect(appState).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
		expect(Buffer.from(appState.keyData!).equals(Buffer.from(appStateKeyData))).toBe(true);
		expect(appState.fingerprint).toBeInstanceOf(proto.Message.AppStateSyncKeyFingerprint);
		expect(appState.fingerprint?.rawId).toBe(7);
		expect(appState.fingerprint?.currentIndex).toBe(3);
		expect(appState.fingerprint?.deviceIndexes).toEqual([0, 1, 5]);
		expect(Number(appState.timestamp)).toBe(1_700_000_000);

		expect(await keys.get('lid-mapping', ['491701234567', '123456789012345_reverse'])).toEqual({
			'491701234567': '123456789012345',
			'123456789012345_reverse': '491701234567',
		});
	});

	test('missing ids are absent from the result, present ones are returned', async () => {
		const { keys } = useSqliteAuthState(store, 's1').state;
		const result = await keys.get('pre-key', ['2', '999', '1000']);
		expect(Object.keys(result)).toEqual(['2']);
		// Asking again (now answered by the cache's negative entries) gives the same answer.
		expect(Object.keys(await keys.get('pre-key', ['999', '2']))).toEqual(['2']);
		expect(await keys.get('session', ['nobody.0'])).toEqual({});
		// Same id, other type: types do not share ids.
		expect(await keys.get('sender-key', ['1'])).toEqual({});
	});

	test('a key written after a cached miss is found', async () => {
		const { keys } = useSqliteAuthState(store, 's1').state;
		expect(await keys.get('pre-key', ['50'])).toEqual({});
		const fresh = keyPair();
		await keys.set({ 'pre-key': { '50': fresh } });
		expectSameShape(await keys.get('pre-key', ['50']), { '50': fresh });
	});

	test('null deletes a key, in the cache and in the file; other keys stay', async () => {
		const { keys } = useSqliteAuthState(store, 's1').state;
		await keys.get('pre-key', ['1']); // make sure the cache holds it before the delete
		await keys.set({ 'pre-key': { '1': null }, session: { [sessionJid]: null } });

		expect(await keys.get('pre-key', ['1', '2'])).not.toHaveProperty('1');
		expect(await keys.get('session', [sessionJid])).toEqual({});

		const other = useSqliteAuthState(connect(file).store, 's1').state.keys;
		expect(Object.keys(await other.get('pre-key', ['1', '2']))).toEqual(['2']);
		expect(await other.get('session', [sessionJid])).toEqual({});
		expectSameShape(await other.get('sender-key', [senderKeyId]), { [senderKeyId]: senderKey });
	});

	test('mutating a value after reading it does not change what is read next', async () => {
		const { keys } = useSqliteAuthState(store, 's1').state;

		const record = (await keys.get('session', [sessionJid]))[sessionJid];
		record[0] ^= 0xff;
		record.fill(0, 10, 20);
		const pre = (await keys.get('pre-key', ['1']))['1'];
		pre.public[0] ^= 0xff;
		pre.private = Buffer.alloc(32);
		const app = (await keys.get('app-state-sync-key', ['AAAAAEoz']))['AAAAAEoz'];
		app.keyData![0] ^= 0xff;
		app.fingerprint!.rawId = 99;

		expectSameShape(await keys.get('session', [sessionJid]), { [sessionJid]: sessionRecord });
		expectSameShape(await keys.get('pre-key', ['1']), { '1': preKey1 });
		const again = (await keys.get('app-state-sync-key', ['AAAAAEoz']))['AAAAAEoz'];
		expect(Buffer.from(again.keyData!).equals(Buffer.from(appStateKeyData))).toBe(true);
		expect(again.fingerprint?.rawId).toBe(7);
	});

	test('mutating a value after writing it does not change what is stored', async () => {
		const { keys } = useSqliteAuthState(store, 's1').state;
		const value = keyPair();
		const copy = { public: Buffer.from(value.public), private: Buffer.from(value.private) };
		await keys.set({ 'pre-key': { '77': value } });
		value.public[0] ^= 0xff;
		value.private = Buffer.alloc(32);
		expectSameShape(await keys.get('pre-key', ['77']), { '77': copy });
	});
});

describe('wipe', () => {
	test('removes creds and keys of one session only, in the cache and in the file', async () => {
		const file = newFile();
		const { store, sessions } = connect(file);
		addSession(sessions, 'a');
		addSession(sessions, 'b');
		const a = useSqliteAuthState(store, 'a');
		const b = useSqliteAuthState(store, 'b');
		a.saveCreds();
		b.saveCreds();
		// Same types and ids in both sessions.
		const writes = () => ({ 'pre-key': { '1': keyPair() }, session: { 'x.0': new Uint8Array(randomBytes(500)) } });
		const bWrites = writes();
		await a.state.keys.set(writes());
		await b.state.keys.set(bWrites);
		// Warm a's cache so a stale cache would show up after the wipe.
		expect(Object.keys(await a.state.keys.get('pre-key', ['1']))).toEqual(['1']);

		store.wipe('a');

		expect(store.hasCreds('a')).toBe(false);
		expect(store.readCreds('a')).toBeUndefined();
		expect(await a.state.keys.get('pre-key', ['1'])).toEqual({});
		expect(await a.state.keys.get('session', ['x.0'])).toEqual({});

		expect(store.hasCreds('b')).toBe(true);
		expectSameShape(await b.state.keys.get('pre-key', ['1']), bWrites['pre-key']);
		expectSameShape(await b.state.keys.get('session', ['x.0']), bWrites.session);

		// And in the file, seen by another connection.
		const other = connect(file);
		const count = (sql: string, id: string) => (other.db.prepare(sql).get(id) as { n: number }).n;
		expect(count('SELECT COUNT(*) AS n FROM auth_keys WHERE session_id = ?', 'a')).toBe(0);
		expect(count('SELECT COUNT(*) AS n FROM auth_creds WHERE session_id = ?', 'a')).toBe(0);
		expect(count('SELECT COUNT(*) AS n FROM auth_keys WHERE session_id = ?', 'b')).toBe(2);
		expect(count('SELECT COUNT(*) AS n FROM auth_creds WHERE session_id = ?', 'b')).toBe(1);
		// The session row itself is not the auth store's to delete.
		expect(other.sessions.get('a')).toBeDefined();
	});

	test("Baileys' keys.clear removes the keys but keeps the pairing", async () => {
		const { store, sessions } = connect(newFile());
		addSession(sessions, 'c');
		const auth = useSqliteAuthState(store, 'c');
		auth.saveCreds();
		await auth.state.keys.set({ 'pre-key': { '7': keyPair() } });
		await auth.state.keys.clear!();
		expect(await auth.state.keys.get('pre-key', ['7'])).toEqual({});
		expect(store.hasCreds('c')).toBe(true);
	});
});

describe('crash safety', () => {
	const distDb = path.join(root, 'engine', 'dist', 'store', 'db.js');
	const KEYS_PER_TYPE = 400; // × ~5.5 KB encoded per batch > SQLite's default 2 MB page cache: pages spill before commit

	beforeAll(() => {
		if (!fs.existsSync(distDb)) {
			throw new Error(`${distDb} is missing: build the engine first (npm run build, or cd engine && npx tsc -p tsconfig.json)`);
		}
	});

	interface Run {
		lastCommitted: number;
		signal: NodeJS.Signals | null;
	}

	/** Runs the writer until `killWhen(line)` is true, SIGKILLs it and waits for it to die. */
	function runAndKill(file: string, pauseAt: number, killWhen: (line: string) => boolean): Promise<Run> {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, [crashWriter, file, 'crash', String(KEYS_PER_TYPE), String(pauseAt)], {
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let lastCommitted = 0;
			let killed = false;
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			createInterface({ input: child.stdout }).on('line', (line) => {
				const match = /^committed (\d+)$/.exec(line);
				if (match) lastCommitted = Math.max(lastCommitted, Number(match[1]));
				if (!killed && killWhen(line)) {
					killed = true;
					child.kill('SIGKILL');
				}
			});
			child.on('error', reject);
			child.on('close', (code, signal) => {
				if (!killed) reject(new Error(`writer ended on its own (code ${code}, signal ${signal}): ${stderr}`));
				else resolve({ lastCommitted, signal });
			});
		});
	}

	/** Reopens the file after the crash; returns the generation found in every key, by key. */
	function inspect(file: string): { integrity: string; generations: Map<string, number> } {
		const { db, store } = connect(file);
		const integrity = db.pragma('integrity_check', { simple: true }) as string;
		const generations = new Map<string, number>();
		const ids = Array.from({ length: KEYS_PER_TYPE }, (_, i) => i);
		const preKeys = store.readKeys('crash', 'pre-key', ids.map(String)) as Record<string, { generation: number; public: Buffer }>;
		const sessions = store.readKeys('crash', 'session', ids.map((i) => `${1000 + i}@s.whatsapp.net.0`)) as Record<
			string,
			{ generation: number; record: Uint8Array }
		>;
		for (const [id, value] of Object.entries(preKeys)) {
			generations.set(`pre-key/${id}`, value.generation);
			// The payload belongs to the same generation as the number next to it.
			expect(value.public[0]).toBe(value.generation & 0xff);
		}
		for (const [id, value] of Object.entries(sessions)) {
			generations.set(`session/${id}`, value.generation);
			expect(value.record).toHaveLength(4096);
			expect(value.record[4095]).toBe(value.generation & 0xff);
		}
		const rows = (db.prepare("SELECT COUNT(*) AS n FROM auth_keys WHERE session_id = 'crash'").get() as { n: number }).n;
		expect(rows).toBe(2 * KEYS_PER_TYPE); // nothing extra, nothing lost
		return { integrity, generations };
	}

	test('SIGKILL inside an open transaction leaves the previous batch, whole', async () => {
		const file = newFile();
		const K = 5;
		const run = await runAndKill(file, K + 1, (line) => line === `inside ${K + 1}`);
		expect(run.signal).toBe('SIGKILL');
		expect(run.lastCommitted).toBe(K);

		const { integrity, generations } = inspect(file);
		expect(integrity).toBe('ok');
		expect(generations.size).toBe(2 * KEYS_PER_TYPE);
		// Half of batch K+1 had been written inside its transaction: none of it may survive.
		expect(new Set(generations.values())).toEqual(new Set([K]));
	});

	test('SIGKILL of a free-running writer: every batch all-or-nothing, nothing reported as committed lost', async () => {
		const file = newFile();
		const K = 15;
		const run = await runAndKill(file, 0, (line) => line === `committed ${K}`);
		expect(run.signal).toBe('SIGKILL');
		expect(run.lastCommitted).toBeGreaterThanOrEqual(K);

		const { integrity, generations } = inspect(file);
		expect(integrity).toBe('ok');
		expect(generations.size).toBe(2 * KEYS_PER_TYPE);
		const found = new Set(generations.values());
		expect(found.size).toBe(1);
		const [generation] = found;
		expect(generation).toBeGreaterThanOrEqual(run.lastCommitted);
	});
});

describe('json codec', () => {
	test('Buffer and Uint8Array come back as binary with the same bytes', () => {
		const buffer = randomBytes(33);
		const bytes = new Uint8Array(randomBytes(17));
		const empty = Buffer.alloc(0);
		const decoded = decodeJson<{ buffer: Buffer; bytes: Uint8Array; empty: Buffer }>(encodeJson({ buffer, bytes, empty }));
		expect(Buffer.isBuffer(decoded.buffer)).toBe(true);
		expect(decoded.buffer.equals(buffer)).toBe(true);
		expect(decoded.bytes).toBeInstanceOf(Uint8Array);
		expect(Buffer.from(decoded.bytes).equals(Buffer.from(bytes))).toBe(true);
		expect(decoded.empty).toBeInstanceOf(Uint8Array);
		expect(decoded.empty).toHaveLength(0);
		// A top-level binary value too (sessions and sender keys are stored bare).
		expect(Buffer.from(decodeJson<Uint8Array>(encodeJson(bytes))).equals(Buffer.from(bytes))).toBe(true);
	});

	test('a Uint8Array view on part of a larger buffer keeps only its own bytes', () => {
		const backing = randomBytes(64);
		const view = new Uint8Array(backing.buffer, backing.byteOffset + 8, 16);
		const decoded = decodeJson<Uint8Array>(encodeJson(view));
		expect(Buffer.from(decoded).equals(backing.subarray(8, 24))).toBe(true);
	});

	test('nested structures keep binary leaves and everything else', () => {
		const value = {
			n: 1,
			s: 'text',
			t: true,
			nil: null,
			list: [randomBytes(4), { deep: { bytes: new Uint8Array([0, 255, 1]) } }, 'x', 2],
			pair: { keyPair: keyPair(), signature: randomBytes(64), keyId: 1 },
		};
		expectSameShape(decodeJson(encodeJson(value)), value);
	});

	test('plain objects that merely have a type field are left alone', () => {
		const value = {
			event: { type: 'message', data: 'aGVsbG8=' },
			notBinary: { type: 'Buffer', data: 'aGVsbG8=', extra: 1 },
			onlyType: { type: 'Buffer' },
			arrayOfTypes: [{ type: 'notify' }, { type: 'append', data: [1, 2, 3] }],
		};
		const decoded = decodeJson<typeof value>(encodeJson(value));
		expect(decoded).toEqual(value);
		expect(Buffer.isBuffer(decoded.notBinary)).toBe(false);
		expect(Buffer.isBuffer(decoded.arrayOfTypes[1])).toBe(false);
	});

	test('reads and is read by Baileys\' BufferJSON (same wire shape as useMultiFileAuthState files)', () => {
		const value = { pair: keyPair(), record: new Uint8Array(randomBytes(100)), id: 5 };
		expectSameShape(JSON.parse(encodeJson(value), BufferJSON.reviver), value);
		expectSameShape(decodeJson(JSON.stringify(value, BufferJSON.replacer)), value);
	});
});

/**
 * Auth-state benchmark: the engine's SQLite store (useSqliteAuthState) against Baileys' useMultiFileAuthState,
 * on the same workload in the same run.
 *
 *   npm run build  (or: cd engine && npx tsc -p tsconfig.json)
 *   node bench/auth-store.bench.mjs
 *
 * Workload (fixed seed and counts, so runs are comparable):
 *   1. pairing: keys.set of 812 pre-keys (KeyPair, 32-byte Buffers) + saveCreds, as Baileys' first upload does;
 *   2. churn: MESSAGES messages from CONTACTS contacts. Per message: read the contact's session (3-6 KB
 *      Uint8Array), write it back changed; on a contact's first message read + delete the pre-key it used;
 *      for group messages read and write the sender key (~0.5-1.5 KB) and the group's sender-key-memory;
 *      saveCreds every CREDS_EVERY messages.
 * One op = one key read, one key write/delete, or one saveCreds. Each store runs once as warm-up on a throwaway
 * folder/file, then five times measured on fresh ones, alternating; the median round of each store counts.
 * Exits non-zero on errors only, never because of the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { initAuthCreds, useMultiFileAuthState } from '@whiskeysockets/baileys';

const dist = new URL('../engine/dist/', import.meta.url);
const { openDatabase } = await import(new URL('store/db.js', dist).href);
const { AuthStore } = await import(new URL('store/auth-store.js', dist).href);
const { SessionRepository } = await import(new URL('store/session-repo.js', dist).href);
const { useSqliteAuthState } = await import(new URL('sessions/baileys-auth-state.js', dist).href);

const SEED = 0x5eed;
const PRE_KEYS = 812;
const CONTACTS = 300;
const GROUPS = 20;
const GROUP_SIZE = 15;
const MESSAGES = 4000;
const GROUP_SHARE = 0.3;
const CREDS_EVERY = 25;

/** mulberry32: small, fast, seeded. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function bytes(random, length) {
	const out = new Uint8Array(length);
	for (let i = 0; i < length; i += 4) {
		const v = (random() * 4294967296) >>> 0;
		out[i] = v;
		out[i + 1] = v >>> 8;
		out[i + 2] = v >>> 16;
		out[i + 3] = v >>> 24;
	}
	return out;
}

/** What a ratchet step does to a session record, roughly: same size class, some bytes changed. */
function evolve(random, record) {
	const next = new Uint8Array(record);
	for (let i = 0; i < 64; i++) next[(random() * next.length) | 0] = (random() * 256) | 0;
	return next;
}

/** Generates the workload once: a list of steps, identical for both stores. Values are built up front so
 * the timing measures the stores, not the generator. */
function buildWorkload() {
	const random = rng(SEED);
	const preKeys = {};
	for (let id = 1; id <= PRE_KEYS; id++) {
		preKeys[id] = { public: Buffer.from(bytes(random, 32)), private: Buffer.from(bytes(random, 32)) };
	}
	const contacts = Array.from({ length: CONTACTS }, (_, i) => `49170${String(1_000_000 + i)}.0`);
	const groups = Array.from({ length: GROUPS }, (_, g) => ({
		jid: `1203630000000${String(10_000 + g)}@g.us`,
		members: Array.from({ length: GROUP_SIZE }, () => contacts[(random() * CONTACTS) | 0]),
	}));

	const steps = [];
	const records = new Map(); // contact -> current record in the workload's model (to size the next write)
	const senderKeys = new Map();
	let nextPreKey = 1;
	for (let m = 0; m < MESSAGES; m++) {
		const inGroup = random() < GROUP_SHARE;
		const group = inGroup ? groups[(random() * GROUPS) | 0] : undefined;
		const contact = group ? group.members[(random() * GROUP_SIZE) | 0] : contacts[(random() * CONTACTS) | 0];

		steps.push({ op: 'get', type: 'session', ids: [contact] });
		let record = records.get(contact);
		if (!record) {
			// First message from this contact: a pkmsg, which consumes one of our pre-keys.
			const preKeyId = String(nextPreKey++);
			steps.push({ op: 'get', type: 'pre-key', ids: [preKeyId] });
			steps.push({ op: 'set', data: { 'pre-key': { [preKeyId]: null } } });
			record = bytes(random, 3072 + ((random() * 3072) | 0));
		} else {
			record = evolve(random, record);
		}
		records.set(contact, record);
		steps.push({ op: 'set', data: { session: { [contact]: record } } });

		if (group) {
			const senderKeyId = `${group.jid}::${contact.replace('.0', '')}::0`;
			steps.push({ op: 'get', type: 'sender-key', ids: [senderKeyId] });
			const previous = senderKeys.get(senderKeyId);
			const senderKey = previous ? evolve(random, previous) : bytes(random, 512 + ((random() * 1024) | 0));
			senderKeys.set(senderKeyId, senderKey);
			steps.push({ op: 'set', data: { 'sender-key': { [senderKeyId]: senderKey } } });
			steps.push({ op: 'get', type: 'sender-key-memory', ids: [group.jid] });
			const memory = Object.fromEntries(group.members.map((jid) => [jid.replace('.0', '@s.whatsapp.net'), true]));
			steps.push({ op: 'set', data: { 'sender-key-memory': { [group.jid]: memory } } });
		}
		if ((m + 1) % CREDS_EVERY === 0) steps.push({ op: 'creds', counter: m + 1 });
	}
	return { preKeys, steps };
}

const countOps = (step) =>
	step.op === 'get' ? step.ids.length : step.op === 'set' ? Object.values(step.data).reduce((n, e) => n + Object.keys(e).length, 0) : 1;

async function run(workload, { state, saveCreds }) {
	let ops = 0;
	let found = 0;
	const t0 = performance.now();
	await state.keys.set({ 'pre-key': workload.preKeys });
	ops += PRE_KEYS;
	await saveCreds();
	ops += 1;
	const t1 = performance.now();
	for (const step of workload.steps) {
		if (step.op === 'get') {
			const result = await state.keys.get(step.type, step.ids);
			for (const id of step.ids) if (result[id]) found++;
		} else if (step.op === 'set') {
			await state.keys.set(step.data);
		} else {
			state.creds.accountSyncCounter = step.counter;
			await saveCreds();
		}
		ops += countOps(step);
	}
	const t2 = performance.now();
	return { ops, found, pairingMs: t1 - t0, churnMs: t2 - t1, totalMs: t2 - t0 };
}

async function sqliteStore(dir) {
	const db = openDatabase(join(dir, 'engine.sqlite'));
	new SessionRepository(db).insert({ id: 'bench', name: 'bench', apiKeyHash: null, config: {} });
	const auth = useSqliteAuthState(new AuthStore(db), 'bench');
	return { auth, close: () => db.close() };
}

async function fileStore(dir) {
	const auth = await useMultiFileAuthState(join(dir, 'auth'));
	return { auth, close: () => {} };
}

async function measure(name, make, workload) {
	const dir = mkdtempSync(join(tmpdir(), `auth-bench-${name}-`));
	try {
		const { auth, close } = await make(dir);
		// Same creds object contents for both stores (initAuthCreds is random); not part of the timing.
		Object.assign(auth.state.creds, workload.creds);
		const result = await run(workload, auth);
		close();
		return result;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const workload = buildWorkload();
workload.creds = initAuthCreds();
const stores = [
	['sqlite', sqliteStore],
	['file', fileStore],
];

for (const [name, make] of stores) await measure(`${name}-warmup`, make, workload);

// Several alternating rounds, median per store: the machine is shared, and a burst of other work during one
// round should not decide the ratio.
const ROUNDS = 5;
const rounds = { sqlite: [], file: [] };
for (let round = 0; round < ROUNDS; round++) {
	for (const [name, make] of stores) rounds[name].push(await measure(name, make, workload));
}
const median = (list) => [...list].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(list.length / 2)];
const results = { sqlite: median(rounds.sqlite), file: median(rounds.file) };

// Both stores must have seen the same data, or the comparison means nothing.
if (results.sqlite.ops !== results.file.ops || results.sqlite.found !== results.file.found) {
	throw new Error(`stores disagree: ${JSON.stringify(results)}`);
}

const rate = (r, ms = r.totalMs, ops = r.ops) => Math.round(ops / (ms / 1000));
const churnOps = results.sqlite.ops - PRE_KEYS - 1;
console.log(
	`workload: ${PRE_KEYS} pre-keys + saveCreds, then ${MESSAGES} messages from ${CONTACTS} contacts ` +
		`(${Math.round(GROUP_SHARE * 100)}% in ${GROUPS} groups): ${results.sqlite.ops} ops, ${results.sqlite.found} keys found by reads`,
);
for (const name of ['sqlite', 'file']) {
	const r = results[name];
	console.log(
		`  ${name.padEnd(6)} pairing ${r.pairingMs.toFixed(1).padStart(8)} ms  churn ${r.churnMs.toFixed(1).padStart(8)} ms ` +
			`(${rate(r, r.churnMs, churnOps)} ops/s)  total ${r.totalMs.toFixed(1).padStart(8)} ms`,
	);
}
const sqliteRate = rate(results.sqlite);
const fileRate = rate(results.file);
console.log(`median of ${ROUNDS} alternating rounds per store`);
console.log(`sqlite: ${sqliteRate} ops/s  file: ${fileRate} ops/s  ratio: ${(sqliteRate / fileRate).toFixed(1)}x (target >= 10x)`);

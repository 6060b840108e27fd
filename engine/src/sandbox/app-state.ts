import { getBinaryNodeChild, getBinaryNodeChildren, proto, type BinaryNode } from '@whiskeysockets/baileys';
import type { Account } from './accounts.js';
import { unixNow, type SandboxServer } from './server.js';

export interface Collection {
	version: number;
	/** Encoded SyncdPatch bytes, index i holds version i+1. */
	patches: Buffer[];
}

/**
 * App-state (syncd) collections per account, stored as opaque client-encrypted patches with server-assigned
 * versions; other devices of the account get `server_sync` to pull them.
 */
export class AppStateStore {
	private readonly store = new Map<Account, Map<string, Collection>>();

	constructor(private readonly server: SandboxServer) {
		server.onIq('w:sync:app:state', (conn, iq) => {
			const device = conn.device!;
			const sync = getBinaryNodeChild(iq, 'sync');
			const out: BinaryNode[] = [];
			const changed: string[] = [];
			for (const c of getBinaryNodeChildren(sync, 'collection')) {
				const name = c.attrs.name ?? '';
				const col = this.collection(device.account, name);
				const patchNode = getBinaryNodeChild(c, 'patch');
				if (patchNode?.content instanceof Uint8Array) {
					const patch = proto.SyncdPatch.decode(patchNode.content);
					patch.version = { version: col.version + 1 };
					col.patches.push(Buffer.from(proto.SyncdPatch.encode(patch).finish()));
					col.version++;
					changed.push(name);
					out.push({ tag: 'collection', attrs: { name, version: String(col.version), type: 'result' } });
					continue;
				}
				const from = Number(c.attrs.version ?? 0);
				const pending = col.patches.slice(from);
				out.push({
					tag: 'collection',
					attrs: { name, version: String(col.version), has_more_patches: 'false', type: 'result' },
					...(pending.length
						? { content: [{ tag: 'patches', attrs: {}, content: pending.map(p => ({ tag: 'patch', attrs: {}, content: p })) }] }
						: {}),
				});
			}
			for (const name of changed) {
				for (const other of device.account.devices.values()) {
					if (other === device) continue;
					this.server.deliver(other, {
						tag: 'notification',
						attrs: { id: `sync${unixNow()}${Math.random().toString(36).slice(2, 7)}`, type: 'server_sync', from: 's.whatsapp.net', t: String(unixNow()) },
						content: [{ tag: 'collection', attrs: { name, version: String(this.collection(device.account, name).version) } }],
					});
				}
			}
			return { tag: 'sync', attrs: {}, content: out };
		});
	}

	private collection(account: Account, name: string): Collection {
		let cols = this.store.get(account);
		if (!cols) this.store.set(account, (cols = new Map()));
		let col = cols.get(name);
		if (!col) cols.set(name, (col = { version: 0, patches: [] }));
		return col;
	}

	/** Every account's collections, for persistence. */
	entries(): Array<[Account, Map<string, Collection>]> {
		return [...this.store.entries()];
	}

	load(entries: Array<[Account, Map<string, Collection>]>): void {
		this.store.clear();
		for (const [account, cols] of entries) this.store.set(account, cols);
	}

	version(account: Account, name: string): number {
		return this.collection(account, name).version;
	}
}

import type { BinaryNode } from '@whiskeysockets/baileys';
import { pnJid, type Account } from './accounts.js';
import { randomId } from './noise.js';
import { children, unixNow, type Connection, type SandboxServer } from './server.js';

/**
 * Call signalling, as far as a linked device takes part in it: a simulated contact rings someone (every device of
 * the callee gets the `<offer>`), and what a device answers (`<reject>`, `<accept>`, `<terminate>`) reaches the
 * caller. There is no media: the sandbox only carries the stanzas WhatsApp's server relays.
 */
export class Calls {
	constructor(private readonly server: SandboxServer) {
		server.onStanza('call', (conn, node) => this.onCall(conn, node));
	}

	/** `caller` rings `callee` (audio, or video); returns the call id. */
	offer(caller: Account, callee: Account, options: { video?: boolean } = {}): string {
		const callId = randomId(16);
		const from = pnJid(caller.phone);
		const media: BinaryNode[] = [{ tag: 'audio', attrs: { enc: 'opus', rate: '16000' } }];
		if (options.video) media.push({ tag: 'video', attrs: { enc: 'vp8', dec: 'vp8' } });
		this.server.notify(callee.devices.values(), () => ({
			tag: 'call',
			attrs: { from, id: randomId(8), t: String(unixNow()) },
			content: [{ tag: 'offer', attrs: { 'call-id': callId, 'call-creator': from, caller_pn: from }, content: media }],
		}));
		return callId;
	}

	/** A device answers a call: the server acknowledges it and relays the answer to the other party's devices. */
	private onCall(conn: Connection, node: BinaryNode): void {
		const answer = children(node)[0];
		conn.send({ tag: 'ack', attrs: { id: node.attrs.id ?? '', class: 'call', ...(answer && { type: answer.tag }), from: node.attrs.to ?? '' } });
		const other = node.attrs.to ? this.server.registry.resolve(node.attrs.to) : undefined;
		if (!answer || !other) return;
		const from = pnJid(conn.device!.account.phone);
		this.server.notify(other.account.devices.values(), () => ({
			tag: 'call',
			attrs: { from, id: randomId(8), t: String(unixNow()) },
			content: [{ tag: answer.tag, attrs: { ...answer.attrs, from } }],
		}));
	}
}

import { getBinaryNodeChild, isJidGroup, isJidStatusBroadcast, jidDecode, S_WHATSAPP_NET, type BinaryNode } from '@whiskeysockets/baileys';
import { deviceJid, lidJid, pnJid, type Account, type DeviceRecord } from './accounts.js';
import { hasBlocked } from './privacy.js';
import { children, unixNow, type Connection, type SandboxServer } from './server.js';
import { routeStatus } from './status.js';

/** Who sent a message id, so receipts (incl. retry receipts) can find their way back. */
export interface SentRecord {
	sender: DeviceRecord;
	chat: string;
	domain: 'pn' | 'lid';
}

export type GroupRouter = (conn: Connection, node: BinaryNode) => void;

export class Router {
	readonly sent = new Map<string, SentRecord>();
	groupRouter?: GroupRouter;
	groupChatstate?: (sender: DeviceRecord, gid: string, state: BinaryNode) => void;
	groupReceipt?: (reader: DeviceRecord, node: BinaryNode) => void;

	constructor(private readonly server: SandboxServer) {
		server.onStanza('message', (conn, node) => this.onMessage(conn, node));
		server.onStanza('receipt', (conn, node) => this.onReceipt(conn, node));
		server.onStanza('presence', (conn, node) => this.onPresence(conn, node));
		server.onStanza('chatstate', (conn, node) => this.onChatstate(conn, node));
		server.onStanza('ack', () => undefined);
		server.onStanza('ib', () => undefined);
	}

	private ack(conn: Connection, node: BinaryNode, klass: string): void {
		conn.send({
			tag: 'ack',
			attrs: {
				class: klass,
				id: node.attrs.id ?? '',
				from: node.attrs.to ?? S_WHATSAPP_NET,
				t: String(unixNow()),
				...(node.attrs.type && klass !== 'message' ? { type: node.attrs.type } : {}),
				...(node.attrs.participant ? { participant: node.attrs.participant } : {}),
			},
		});
	}

	private onMessage(conn: Connection, node: BinaryNode): void {
		const sender = conn.device!;
		const to = node.attrs.to ?? '';
		this.ack(conn, node, 'message');
		if (isJidGroup(to)) {
			if (this.groupRouter) this.groupRouter(conn, node);
			return;
		}
		if (isJidStatusBroadcast(to)) {
			routeStatus(this.server, conn, node);
			return;
		}
		const chat = this.server.registry.resolve(to);
		if (!chat) {
			conn.log.debug({ to }, 'message to unknown user dropped');
			return;
		}
		const domain = chat.domain;
		this.sent.set(node.attrs.id ?? '', { sender, chat: to, domain });
		const extra = children(node).filter(c => c.tag === 'device-identity');
		const base = this.baseAttrs(node, sender, domain);
		const participants = getBinaryNodeChild(node, 'participants');
		const targets: Array<{ device: DeviceRecord; encs: BinaryNode[] }> = [];
		if (participants) {
			for (const t of children(participants)) {
				const r = this.server.registry.resolve(t.attrs.jid ?? '');
				const device = r?.device ?? (r && jidDecode(t.attrs.jid ?? '')?.device === undefined ? r.account.devices.get(0) : undefined);
				if (device) targets.push({ device, encs: children(t) });
			}
		} else {
			// retry resends and peer messages address one device directly with the enc at top level
			const device = chat.device ?? chat.account.devices.get(0);
			if (device) targets.push({ device, encs: children(node).filter(c => c.tag === 'enc') });
		}
		const chatUser = domain === 'lid' ? lidJid(chat.account.lid) : pnJid(chat.account.phone);
		for (const { device, encs } of targets) {
			if (device === sender) continue;
			const own = device.account === sender.account;
			// WhatsApp accepts what a blocked sender sends (one tick) but never hands it to the account that blocked them.
			if (!own && hasBlocked(device.account, sender.account)) continue;
			const attrs: Record<string, string> = { ...base };
			if (own && node.attrs.category !== 'peer' && chat.account !== sender.account) attrs.recipient = node.attrs.recipient ?? chatUser;
			this.server.deliver(device, { tag: 'message', attrs, content: [...encs, ...extra] });
		}
	}

	/** Envelope attributes as a receiving device sees them. */
	baseAttrs(node: BinaryNode, sender: DeviceRecord, domain: 'pn' | 'lid'): Record<string, string> {
		const attrs: Record<string, string> = {
			id: node.attrs.id ?? '',
			from: deviceJid(sender, domain),
			t: String(unixNow()),
			type: node.attrs.type ?? 'text',
			notify: sender.account.name,
		};
		if (domain === 'pn') attrs.sender_lid = lidJid(sender.account.lid, sender.id);
		else attrs.sender_pn = pnJid(sender.account.phone, sender.id);
		for (const k of ['edit', 'category', 'expiration', 'push_priority']) if (node.attrs[k]) attrs[k] = node.attrs[k]!;
		return attrs;
	}

	private onReceipt(conn: Connection, node: BinaryNode): void {
		const reader = conn.device!;
		this.ack(conn, node, 'receipt');
		const to = node.attrs.to ?? '';
		if (isJidGroup(to)) {
			this.groupReceipt?.(reader, node);
			return;
		}
		const target = this.server.registry.resolve(to);
		if (!target) return;
		const domain = target.domain;
		const type = node.attrs.type;
		const attrs: Record<string, string> = {
			id: node.attrs.id ?? '',
			t: String(unixNow()),
			...(type ? { type } : {}),
		};
		if (type === 'retry' || type === 'enc_rekey_retry') {
			// the sender must learn which device to re-encrypt for
			attrs.from = deviceJid(reader, domain);
			if (node.attrs.recipient) attrs.recipient = node.attrs.recipient;
			const device = target.device ?? this.sent.get(attrs.id!)?.sender ?? target.account.devices.get(0);
			if (device) this.server.deliver(device, { tag: 'receipt', attrs, content: children(node) });
			return;
		}
		const own = reader.account === target.account;
		attrs.from = own ? deviceJid(reader, domain) : domain === 'lid' ? lidJid(reader.account.lid) : pnJid(reader.account.phone);
		if (node.attrs.recipient) attrs.recipient = node.attrs.recipient;
		for (const device of target.account.devices.values()) {
			if (device === reader) continue;
			this.server.deliver(device, { tag: 'receipt', attrs, ...(children(node).length ? { content: children(node) } : {}) });
		}
	}

	private onPresence(conn: Connection, node: BinaryNode): void {
		const device = conn.device!;
		const type = node.attrs.type;
		// Whichever device changes the push name announces it this way (Baileys, after its pushNameSetting patch).
		if (node.attrs.name) device.account.name = node.attrs.name;
		if (type === 'subscribe' && node.attrs.to) {
			const target = this.server.registry.resolve(node.attrs.to);
			if (!target) return;
			target.account.presenceSubscribers.add(device);
			conn.send(this.presenceNode(target.account, node.attrs.to.split(':')[0]!.replace(/@.*/, '') === target.account.lid ? 'lid' : 'pn'));
			return;
		}
		if (type === 'available' || type === 'unavailable') {
			const account = device.account;
			account.online = type === 'available';
			if (!account.online) account.lastSeen = unixNow();
			for (const sub of account.presenceSubscribers) {
				if (sub.link?.open) sub.link.send(this.presenceNode(account, 'pn'));
			}
		}
	}

	presenceNode(account: Account, domain: 'pn' | 'lid'): BinaryNode {
		return {
			tag: 'presence',
			attrs: {
				from: domain === 'lid' ? lidJid(account.lid) : pnJid(account.phone),
				type: account.online ? 'available' : 'unavailable',
				...(account.online ? {} : { last: String(account.lastSeen) }),
			},
		};
	}

	private onChatstate(conn: Connection, node: BinaryNode): void {
		const sender = conn.device!;
		const to = node.attrs.to ?? '';
		const state = children(node)[0];
		if (!state) return;
		if (isJidGroup(to)) {
			this.groupChatstate?.(sender, to, state);
			return;
		}
		const target = this.server.registry.resolve(to);
		if (!target) return;
		const from = target.domain === 'lid' ? lidJid(sender.account.lid) : pnJid(sender.account.phone);
		for (const d of target.account.devices.values()) {
			if (d.link?.open) d.link.send({ tag: 'chatstate', attrs: { from }, content: [state] });
		}
	}
}

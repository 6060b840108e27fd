import { randomBytes } from 'node:crypto';
import { getBinaryNodeChild, getBinaryNodeChildren, jidDecode, type BinaryNode } from '@whiskeysockets/baileys';
import { deviceJid, lidJid, pnJid, type Account, type DeviceRecord } from './accounts.js';
import type { Router } from './routing.js';
import { children, IqError, unixNow, type Connection, type SandboxServer } from './server.js';

export interface Group {
	id: string;
	subject: string;
	subjectOwner: Account;
	subjectTime: number;
	creation: number;
	creator: Account;
	mode: 'pn' | 'lid';
	members: Map<Account, 'admin' | 'superadmin' | undefined>;
	description?: { id: string; text: string; owner: Account; t: number };
	announce: boolean;
	locked: boolean;
	invite: string;
}

/** w:g2 groups with pn or lid addressing, w:gp2 notifications and sender-key fan-out. */
export class Groups {
	private readonly groups = new Map<string, Group>();
	private mode: 'pn' | 'lid' = 'lid';
	/** Called when something outside an IQ changes (the default addressing mode), so the world gets saved. */
	onChange?: () => void;

	/** Addressing mode for the next group created (tests flip it to make a pn group; WhatsApp's default is lid). */
	get defaultMode(): 'pn' | 'lid' {
		return this.mode;
	}

	set defaultMode(mode: 'pn' | 'lid') {
		this.mode = mode;
		this.onChange?.();
	}

	list(): Group[] {
		return [...this.groups.values()];
	}

	/** Replaces every group, e.g. with those of a world restored from disk. */
	load(groups: Group[], defaultMode: 'pn' | 'lid' = 'lid'): void {
		this.groups.clear();
		for (const g of groups) this.groups.set(g.id, g);
		this.mode = defaultMode;
	}

	constructor(
		private readonly server: SandboxServer,
		router: Router,
	) {
		server.onIq('w:g2', (conn, iq) => this.iq(conn, iq));
		router.groupRouter = (conn, node) => this.route(conn, node, router);
		router.groupReceipt = (reader, node) => this.receipt(reader, node, router);
		router.groupChatstate = (sender, gid, state) => {
			const g = this.groups.get(gid);
			if (!g) return;
			for (const d of this.devices(g)) {
				if (d !== sender && d.link?.open) d.link.send({ tag: 'chatstate', attrs: { from: gid, participant: this.jid(g, sender.account) }, content: [state] });
			}
		};
	}

	private jid(g: Group, a: Account, device?: number): string {
		return g.mode === 'lid' ? lidJid(a.lid, device) : pnJid(a.phone, device);
	}

	private devices(g: Group): DeviceRecord[] {
		return [...g.members.keys()].flatMap(a => [...a.devices.values()]);
	}

	private metadata(g: Group): BinaryNode {
		const content: BinaryNode[] = [...g.members].map(([a, type]) => ({
			tag: 'participant',
			attrs: {
				jid: this.jid(g, a),
				...(type ? { type } : {}),
				...(g.mode === 'lid' ? { phone_number: pnJid(a.phone) } : { lid: lidJid(a.lid) }),
			},
		}));
		if (g.description) {
			content.push({
				tag: 'description',
				attrs: { id: g.description.id, t: String(g.description.t), participant: this.jid(g, g.description.owner) },
				content: [{ tag: 'body', attrs: {}, content: Buffer.from(g.description.text) }],
			});
		}
		if (g.announce) content.push({ tag: 'announcement', attrs: {} });
		if (g.locked) content.push({ tag: 'locked', attrs: {} });
		return {
			tag: 'group',
			attrs: {
				id: g.id.split('@')[0]!,
				subject: g.subject,
				s_t: String(g.subjectTime),
				s_o: this.jid(g, g.subjectOwner),
				creation: String(g.creation),
				creator: this.jid(g, g.creator),
				addressing_mode: g.mode,
				size: String(g.members.size),
			},
			content,
		};
	}

	private notify(g: Group, actor: Account, child: BinaryNode, extraRecipients: Account[] = []): void {
		const targets = new Set([...g.members.keys(), ...extraRecipients]);
		for (const a of targets) {
			for (const d of a.devices.values()) {
				this.server.deliver(d, {
					tag: 'notification',
					attrs: {
						id: randomBytes(6).toString('hex'),
						type: 'w:gp2',
						from: g.id,
						participant: this.jid(g, actor),
						...(g.mode === 'lid' ? { participant_pn: pnJid(actor.phone) } : {}),
						addressing_mode: g.mode,
						t: String(unixNow()),
					},
					content: [child],
				});
			}
		}
	}

	private accountsOf(node: BinaryNode | undefined): Account[] {
		return getBinaryNodeChildren(node, 'participant')
			.map(p => this.server.registry.resolve(p.attrs.jid ?? '')?.account)
			.filter((a): a is Account => !!a);
	}

	private participantList(g: Group, accounts: Account[]): BinaryNode[] {
		return accounts.map(a => ({ tag: 'participant', attrs: { jid: this.jid(g, a), ...(g.mode === 'lid' ? { phone_number: pnJid(a.phone) } : {}) } }));
	}

	private iq(conn: Connection, iq: BinaryNode): BinaryNode | BinaryNode[] | void {
		const me = conn.device!.account;
		const op = children(iq)[0];
		if (!op) throw new IqError(400, 'bad-request');
		const to = iq.attrs.to ?? '';
		if (op.tag === 'create') {
			const members = this.accountsOf(op);
			const g: Group = {
				id: `${Date.now()}${Math.floor(Math.random() * 1000)}@g.us`,
				subject: op.attrs.subject ?? '',
				subjectOwner: me,
				subjectTime: unixNow(),
				creation: unixNow(),
				creator: me,
				mode: this.defaultMode,
				members: new Map([[me, 'superadmin'], ...members.filter(a => a !== me).map(a => [a, undefined] as const)]),
				announce: false,
				locked: false,
				invite: randomBytes(11).toString('base64url'),
			};
			this.groups.set(g.id, g);
			const meta = this.metadata(g);
			this.notify(g, me, { tag: 'create', attrs: {}, content: [meta] });
			return meta;
		}
		if (op.tag === 'participating') {
			return { tag: 'groups', attrs: {}, content: [...this.groups.values()].filter(g => g.members.has(me)).map(g => this.metadata(g)) };
		}
		if (op.tag === 'invite' && op.attrs.code) {
			const g = [...this.groups.values()].find(x => x.invite === op.attrs.code);
			if (!g) throw new IqError(404, 'item-not-found');
			g.members.set(me, undefined);
			this.notify(g, me, { tag: 'add', attrs: { reason: 'invite' }, content: this.participantList(g, [me]) });
			return { tag: 'group', attrs: { jid: g.id } };
		}
		if (op.tag === 'leave') {
			for (const gn of getBinaryNodeChildren(op, 'group')) {
				const g = this.groups.get(gn.attrs.id?.includes('@') ? gn.attrs.id : `${gn.attrs.id}@g.us`);
				if (!g || !g.members.has(me)) continue;
				this.notify(g, me, { tag: 'leave', attrs: {}, content: this.participantList(g, [me]) });
				g.members.delete(me);
			}
			return undefined;
		}
		const g = this.groups.get(to);
		if (!g) throw new IqError(404, 'item-not-found');
		if (!g.members.has(me)) throw new IqError(403, 'forbidden');
		const isAdmin = !!g.members.get(me);
		const needAdmin = (): void => {
			if (!isAdmin) throw new IqError(403, 'not-authorized');
		};
		switch (op.tag) {
			case 'query':
				return this.metadata(g);
			case 'add':
			case 'remove':
			case 'promote':
			case 'demote': {
				needAdmin();
				const targets = this.accountsOf(op);
				const removed: Account[] = [];
				for (const a of targets) {
					if (op.tag === 'add') g.members.set(a, undefined);
					else if (op.tag === 'remove') {
						g.members.delete(a);
						removed.push(a);
					} else if (g.members.has(a)) g.members.set(a, op.tag === 'promote' ? 'admin' : undefined);
				}
				this.notify(g, me, { tag: op.tag, attrs: {}, content: this.participantList(g, targets) }, removed);
				return { tag: op.tag, attrs: {}, content: this.participantList(g, targets) };
			}
			case 'subject':
				if (g.locked) needAdmin();
				g.subject = Buffer.from((op.content as Uint8Array) ?? []).toString();
				g.subjectOwner = me;
				g.subjectTime = unixNow();
				this.notify(g, me, { tag: 'subject', attrs: { subject: g.subject, s_o: this.jid(g, me), s_t: String(g.subjectTime) } });
				return undefined;
			case 'description': {
				if (g.locked) needAdmin();
				const body = getBinaryNodeChild(op, 'body');
				const text = body?.content ? Buffer.from(body.content as Uint8Array).toString() : '';
				g.description = op.attrs.delete === 'true' ? undefined : { id: op.attrs.id ?? randomBytes(8).toString('hex'), text, owner: me, t: unixNow() };
				if (!g.description) delete g.description;
				this.notify(g, me, { tag: 'description', attrs: { id: g.description?.id ?? '' }, content: body ? [body] : [] });
				return undefined;
			}
			case 'announcement':
			case 'not_announcement':
			case 'locked':
			case 'unlocked':
				needAdmin();
				if (op.tag.endsWith('announcement')) g.announce = op.tag === 'announcement';
				else g.locked = op.tag === 'locked';
				this.notify(g, me, { tag: op.tag, attrs: {} });
				return undefined;
			case 'invite':
				if (iq.attrs.type === 'set') {
					needAdmin();
					g.invite = randomBytes(11).toString('base64url');
				}
				return { tag: 'invite', attrs: { code: g.invite } };
			default:
				throw new IqError(501, 'feature-not-implemented');
		}
	}

	/** Each member device gets its own pkmsg/msg (the SKDM, when present) before the shared skmsg. */
	private route(conn: Connection, node: BinaryNode, router: Router): void {
		const sender = conn.device!;
		const g = this.groups.get(node.attrs.to ?? '');
		if (!g || !g.members.has(sender.account)) return;
		if (g.announce && !g.members.get(sender.account)) return;
		router.sent.set(node.attrs.id ?? '', { sender, chat: g.id, domain: g.mode });
		const perDevice = new Map<DeviceRecord, BinaryNode[]>();
		for (const t of children(getBinaryNodeChild(node, 'participants'))) {
			const r = this.server.registry.resolve(t.attrs.jid ?? '');
			const d = r?.device ?? (r && jidDecode(t.attrs.jid ?? '')?.device === undefined ? r.account.devices.get(0) : undefined);
			if (d) perDevice.set(d, children(t));
		}
		const shared = children(node).filter(c => c.tag === 'enc' || c.tag === 'device-identity');
		const attrs: Record<string, string> = {
			from: g.id,
			id: node.attrs.id ?? '',
			t: String(unixNow()),
			type: node.attrs.type ?? 'text',
			notify: sender.account.name,
			participant: deviceJid(sender, g.mode),
			addressing_mode: g.mode,
			...(g.mode === 'lid' ? { participant_pn: pnJid(sender.account.phone, sender.id) } : { participant_lid: lidJid(sender.account.lid, sender.id) }),
		};
		if (node.attrs.edit) attrs.edit = node.attrs.edit;
		// a retry resend names one participant and carries only that device's enc
		const only = node.attrs.participant ? this.server.registry.resolve(node.attrs.participant)?.device : undefined;
		for (const d of only ? [only] : this.devices(g)) {
			if (d === sender) continue;
			this.server.deliver(d, { tag: 'message', attrs, content: [...(perDevice.get(d) ?? []), ...shared] });
		}
	}

	private receipt(reader: DeviceRecord, node: BinaryNode, router: Router): void {
		const g = this.groups.get(node.attrs.to ?? '');
		if (!g) return;
		const sent = router.sent.get(node.attrs.id ?? '');
		const author = sent?.sender.account ?? (node.attrs.participant ? this.server.registry.resolve(node.attrs.participant)?.account : undefined);
		if (!author) return;
		const type = node.attrs.type;
		const attrs: Record<string, string> = {
			from: g.id,
			id: node.attrs.id ?? '',
			t: String(unixNow()),
			participant: type === 'retry' ? deviceJid(reader, g.mode) : this.jid(g, reader.account),
			...(type ? { type } : {}),
		};
		const targets = type === 'retry' && sent ? [sent.sender] : [...author.devices.values()];
		for (const d of targets) {
			if (d === reader) continue;
			this.server.deliver(d, { tag: 'receipt', attrs, ...(children(node).length ? { content: children(node) } : {}) });
		}
	}
}

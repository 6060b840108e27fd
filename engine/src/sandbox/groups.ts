import { randomBytes } from 'node:crypto';
import { getBinaryNodeChild, getBinaryNodeChildren, isJidGroup, jidDecode, type BinaryNode } from '@whiskeysockets/baileys';
import { deviceJid, lidJid, pnJid, type Account, type DeviceRecord } from './accounts.js';
import type { MediaServer } from './media.js';
import type { Router } from './routing.js';
import { children, IqError, unixNow, type Connection, type SandboxServer } from './server.js';

export interface JoinRequest {
	/** Unix seconds. */
	t: number;
	method: string;
}

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
	/** Disappearing-messages timer in seconds, 0 = off. */
	ephemeral: number;
	/** Admins approve who joins through the invite link. */
	joinApproval: boolean;
	/** Pending join requests (only while joinApproval is on they are created). */
	requests: Map<Account, JoinRequest>;
	picture?: { id: string; data: Buffer };
}

const newInviteCode = (): string => randomBytes(16).toString('base64url').replace(/[-_]/g, '').slice(0, 22);

/** w:g2 groups with pn or lid addressing, w:gp2 notifications, group pictures and sender-key fan-out. */
export class Groups {
	private readonly groups = new Map<string, Group>();
	private mode: 'pn' | 'lid' = 'lid';
	/** Called when something outside an IQ changes (the default addressing mode), so the world gets saved. */
	onChange?: () => void;
	/**
	 * Whether `target`'s privacy settings refuse being added to a group by `by`. WhatsApp then answers the add
	 * with 403 and an invite code the admin can send instead. Nobody refuses unless told.
	 */
	refusesGroupAdd: (target: Account, by: Account) => boolean = () => false;

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

	get(id: string): Group | undefined {
		return this.groups.get(id);
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
		private readonly media?: MediaServer,
	) {
		server.onIq('w:g2', (conn, iq) => {
			const out = this.iq(conn, iq);
			if (iq.attrs.type === 'set') server.changed();
			return out;
		});
		server.onIqWhen('w:profile:picture', iq => !!isJidGroup(iq.attrs.target ?? ''), (conn, iq) => this.picture(conn, iq));
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

	private admins(g: Group): Account[] {
		return [...g.members].filter(([, role]) => role).map(([a]) => a);
	}

	/** A person as group stanzas name them: the group's addressing plus the other address. */
	private participant(g: Group, a: Account, attrs: Record<string, string> = {}, content?: BinaryNode[]): BinaryNode {
		return {
			tag: 'participant',
			attrs: { jid: this.jid(g, a), ...(g.mode === 'lid' ? { phone_number: pnJid(a.phone) } : { lid: lidJid(a.lid) }), ...attrs },
			...(content ? { content } : {}),
		};
	}

	private metadata(g: Group, withParticipants = true): BinaryNode {
		const content: BinaryNode[] = withParticipants ? [...g.members].map(([a, type]) => this.participant(g, a, type ? { type } : {})) : [];
		if (g.description) {
			content.push({
				tag: 'description',
				attrs: {
					id: g.description.id,
					t: String(g.description.t),
					participant: this.jid(g, g.description.owner),
					...(g.mode === 'lid' ? { participant_pn: pnJid(g.description.owner.phone) } : {}),
				},
				content: [{ tag: 'body', attrs: {}, content: Buffer.from(g.description.text) }],
			});
		}
		if (g.announce) content.push({ tag: 'announcement', attrs: {} });
		if (g.locked) content.push({ tag: 'locked', attrs: {} });
		if (g.ephemeral) content.push({ tag: 'ephemeral', attrs: { expiration: String(g.ephemeral) } });
		if (g.joinApproval) content.push({ tag: 'membership_approval_mode', attrs: {}, content: [{ tag: 'group_join', attrs: { state: 'on' } }] });
		return {
			tag: 'group',
			attrs: {
				id: g.id.split('@')[0]!,
				subject: g.subject,
				s_t: String(g.subjectTime),
				s_o: this.jid(g, g.subjectOwner),
				creation: String(g.creation),
				creator: this.jid(g, g.creator),
				...(g.mode === 'lid' ? { s_o_pn: pnJid(g.subjectOwner.phone), creator_pn: pnJid(g.creator.phone) } : {}),
				addressing_mode: g.mode,
				size: String(g.members.size),
			},
			content,
		};
	}

	/** Pushes a change to the group's members (or to `to`), as the `type` notification WhatsApp sends. */
	private notify(g: Group, actor: Account, child: BinaryNode, to: Iterable<Account> = g.members.keys(), type = 'w:gp2'): void {
		for (const a of new Set(to)) {
			for (const d of a.devices.values()) {
				this.server.deliver(d, {
					tag: 'notification',
					attrs: {
						id: randomBytes(6).toString('hex'),
						type,
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

	private byInvite(code: string): Group {
		const g = [...this.groups.values()].find(x => x.invite === code);
		if (!g) throw new IqError(404, 'item-not-found');
		return g;
	}

	/** Joining by link: a member at once, or a pending request the admins are told about when approval is on. */
	private acceptInvite(g: Group, me: Account): BinaryNode {
		if (g.members.has(me)) return { tag: 'group', attrs: { jid: g.id } };
		if (g.joinApproval) {
			if (!g.requests.has(me)) {
				g.requests.set(me, { t: unixNow(), method: 'invite_link' });
				this.notify(g, me, { tag: 'created_membership_requests', attrs: { request_method: 'invite_link' }, content: [this.participant(g, me)] }, this.admins(g));
			}
			return { tag: 'membership_approval_request', attrs: { jid: g.id } };
		}
		g.members.set(me, undefined);
		this.notify(g, me, { tag: 'add', attrs: { reason: 'invite' }, content: [this.participant(g, me)] });
		return { tag: 'group', attrs: { jid: g.id } };
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
				invite: newInviteCode(),
				ephemeral: 0,
				joinApproval: false,
				requests: new Map(),
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
			const g = this.byInvite(op.attrs.code);
			// Anyone holding the link may preview the group; the member list stays private.
			return iq.attrs.type === 'set' ? this.acceptInvite(g, me) : this.metadata(g, false);
		}
		if (op.tag === 'leave') {
			for (const gn of getBinaryNodeChildren(op, 'group')) {
				const g = this.groups.get(gn.attrs.id?.includes('@') ? gn.attrs.id : `${gn.attrs.id}@g.us`);
				if (!g || !g.members.has(me)) continue;
				this.notify(g, me, { tag: 'leave', attrs: {}, content: [this.participant(g, me)] });
				g.members.delete(me);
			}
			return undefined;
		}
		const g = this.groups.get(to);
		if (!g) throw new IqError(404, 'item-not-found');
		if (op.tag === 'accept') {
			// A v4 invitation (a groupInviteMessage) carries the group's current code.
			if (op.attrs.code !== g.invite) throw new IqError(410, 'gone');
			g.requests.delete(me);
			if (!g.members.has(me)) {
				g.members.set(me, undefined);
				this.notify(g, me, { tag: 'add', attrs: { reason: 'invite' }, content: [this.participant(g, me)] });
			}
			return { tag: 'group', attrs: { jid: g.id } };
		}
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
				const { done, results } = this.changeMembers(g, me, op);
				if (done.length) {
					const removed = op.tag === 'remove' ? done : [];
					this.notify(g, me, { tag: op.tag, attrs: {}, content: done.map(a => this.participant(g, a)) }, [...g.members.keys(), ...removed]);
				}
				return { tag: op.tag, attrs: {}, content: results };
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
				// The client names the description it replaces; a stale one means someone else changed it meanwhile.
				if (op.attrs.prev && op.attrs.prev !== g.description?.id) throw new IqError(409, 'conflict');
				const body = getBinaryNodeChild(op, 'body');
				const text = body?.content ? Buffer.from(body.content as Uint8Array).toString() : '';
				if (op.attrs.delete === 'true' || !text) delete g.description;
				else g.description = { id: op.attrs.id ?? randomBytes(8).toString('hex'), text, owner: me, t: unixNow() };
				this.notify(g, me, { tag: 'description', attrs: { id: g.description?.id ?? '' }, content: g.description && body ? [body] : [{ tag: 'delete', attrs: {} }] });
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
			case 'ephemeral':
			case 'not_ephemeral': {
				if (g.locked) needAdmin();
				const expiration = op.tag === 'ephemeral' ? Number(op.attrs.expiration) : 0;
				if (!Number.isInteger(expiration) || expiration < 0) throw new IqError(400, 'bad-request');
				g.ephemeral = expiration;
				this.notify(g, me, expiration ? { tag: 'ephemeral', attrs: { expiration: String(expiration) } } : { tag: 'not_ephemeral', attrs: {} });
				return undefined;
			}
			case 'membership_approval_mode': {
				needAdmin();
				const state = getBinaryNodeChild(op, 'group_join')?.attrs.state;
				if (state !== 'on' && state !== 'off') throw new IqError(400, 'bad-request');
				g.joinApproval = state === 'on';
				this.notify(g, me, { tag: 'membership_approval_mode', attrs: {}, content: [{ tag: 'group_join', attrs: { state } }] });
				return undefined;
			}
			case 'membership_approval_requests':
				needAdmin();
				return {
					tag: 'membership_approval_requests',
					attrs: {},
					content: [...g.requests].map(([a, r]) => ({
						tag: 'membership_approval_request',
						attrs: { ...this.participant(g, a).attrs, request_method: r.method, request_time: String(r.t) },
					})),
				};
			case 'membership_requests_action':
				needAdmin();
				return { tag: 'membership_requests_action', attrs: {}, content: children(op).map(action => this.answerRequests(g, me, action)) };
			case 'invite':
				needAdmin();
				if (iq.attrs.type === 'set') {
					g.invite = newInviteCode();
					// Only admins can see the link, so only they hear that it changed.
					this.notify(g, me, { tag: 'invite', attrs: { code: g.invite } }, this.admins(g));
				}
				return { tag: 'invite', attrs: { code: g.invite } };
			default:
				throw new IqError(501, 'feature-not-implemented');
		}
	}

	/** Applies add/remove/promote/demote person by person; each answer carries its own status as WhatsApp's does. */
	private changeMembers(g: Group, me: Account, op: BinaryNode): { done: Account[]; results: BinaryNode[] } {
		const done: Account[] = [];
		const results: BinaryNode[] = [];
		for (const p of getBinaryNodeChildren(op, 'participant')) {
			const a = this.server.registry.resolve(p.attrs.jid ?? '')?.account;
			const fail = (error: string, content?: BinaryNode[]): void => {
				results.push(a ? this.participant(g, a, { error }, content) : { tag: 'participant', attrs: { jid: p.attrs.jid ?? '', error } });
			};
			if (!a) {
				fail('404');
				continue;
			}
			const member = g.members.has(a);
			if (op.tag === 'add') {
				if (member) {
					fail('409');
					continue;
				}
				if (this.refusesGroupAdd(a, me)) {
					fail('403', [{ tag: 'add_request', attrs: { code: g.invite, expiration: String(unixNow() + 3 * 86_400) } }]);
					continue;
				}
				g.members.set(a, undefined);
				g.requests.delete(a);
			} else if (!member) {
				fail('404');
				continue;
			} else if (op.tag === 'remove') g.members.delete(a);
			else if (g.members.get(a) !== 'superadmin') g.members.set(a, op.tag === 'promote' ? 'admin' : undefined);
			done.push(a);
			results.push(this.participant(g, a));
		}
		return { done, results };
	}

	/** Approves (adds) or rejects pending join requests; a person without a request gets a 404 of their own. */
	private answerRequests(g: Group, me: Account, action: BinaryNode): BinaryNode {
		if (action.tag !== 'approve' && action.tag !== 'reject') throw new IqError(400, 'bad-request');
		const results: BinaryNode[] = [];
		for (const p of getBinaryNodeChildren(action, 'participant')) {
			const a = this.server.registry.resolve(p.attrs.jid ?? '')?.account;
			if (!a || !g.requests.has(a)) {
				results.push({ tag: 'participant', attrs: { jid: p.attrs.jid ?? '', error: '404' } });
				continue;
			}
			g.requests.delete(a);
			if (action.tag === 'approve') {
				g.members.set(a, undefined);
				this.notify(g, me, { tag: 'add', attrs: { reason: 'membership_approval_request' }, content: [this.participant(g, a)] });
			} else {
				this.notify(g, me, { tag: 'revoked_membership_requests', attrs: {}, content: [this.participant(g, a)] }, [...this.admins(g), a]);
			}
			results.push(this.participant(g, a));
		}
		return { tag: action.tag, attrs: {}, content: results };
	}

	/** w:profile:picture for a group: members set or remove it (admins only when the group is locked), anyone reads it. */
	private picture(conn: Connection, iq: BinaryNode): BinaryNode | void {
		const g = this.groups.get(iq.attrs.target ?? '');
		if (!g) throw new IqError(404, 'item-not-found');
		if (iq.attrs.type === 'get') {
			if (!g.picture || !this.media) throw new IqError(404, 'item-not-found');
			const directPath = this.media.put(g.picture.data);
			return { tag: 'picture', attrs: { id: g.picture.id, type: 'image', url: `https://${this.media.hostPort}${directPath}`, direct_path: directPath } };
		}
		const me = conn.device!.account;
		if (!g.members.has(me)) throw new IqError(403, 'forbidden');
		if (g.locked && !g.members.get(me)) throw new IqError(403, 'not-authorized');
		const image = getBinaryNodeChild(iq, 'picture')?.content;
		if (image instanceof Uint8Array && image.length) g.picture = { id: String(Date.now()), data: Buffer.from(image) };
		else delete g.picture;
		const author = this.jid(g, me);
		const change: BinaryNode = g.picture
			? { tag: 'set', attrs: { jid: g.id, id: g.picture.id, author } }
			: { tag: 'delete', attrs: { jid: g.id, author } };
		this.notify(g, me, change, g.members.keys(), 'picture');
		this.server.changed();
		return g.picture ? { tag: 'picture', attrs: { id: g.picture.id } } : undefined;
	}

	private accountsOf(node: BinaryNode | undefined): Account[] {
		return getBinaryNodeChildren(node, 'participant')
			.map(p => this.server.registry.resolve(p.attrs.jid ?? '')?.account)
			.filter((a): a is Account => !!a);
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

import { getBinaryNodeChild, getBinaryNodeChildren, jidDecode, type BinaryNode } from '@whiskeysockets/baileys';
import { lidJid, pnJid, readUInt, type DeviceRecord } from './accounts.js';
import { disappearingMode } from './privacy.js';
import { children, IqError, type Connection, type SandboxServer } from './server.js';

const me = (conn: Connection): DeviceRecord => {
	if (!conn.device) throw new IqError(401, 'not-authorized');
	return conn.device;
};

const bytes = (node: BinaryNode | undefined): Buffer =>
	node?.content instanceof Uint8Array ? Buffer.from(node.content) : Buffer.from(String(node?.content ?? ''));

/** Login-time and housekeeping IQs: prekeys, passive, ping, props, usync, logout (profiles.ts: pictures, about; privacy.ts: privacy, blocklist). */
export const registerBasicIqs = (server: SandboxServer): void => {
	server.onIq('w:p', () => undefined);
	server.onIq('passive', () => undefined);
	server.onIq('w:stats', () => undefined);
	server.onIq('urn:xmpp:whatsapp:dirty', () => undefined);
	server.onIq('urn:xmpp:whatsapp:push', () => undefined);
	server.onIq('encrypt/count', conn => ({ tag: 'count', attrs: { value: String(me(conn).preKeys.size) } }));
	server.onIq('encrypt/digest', conn => {
		const d = me(conn);
		return {
			tag: 'digest',
			attrs: {},
			content: [
				{ tag: 'type', attrs: {}, content: Buffer.from([5]) },
				{ tag: 'identity', attrs: {}, content: d.identityPub },
			],
		};
	});
	const upload: (conn: Connection, iq: BinaryNode) => void = (conn, iq) => {
		const d = me(conn);
		const identity = getBinaryNodeChild(iq, 'identity');
		if (identity) d.identityPub = bytes(identity);
		const reg = getBinaryNodeChild(iq, 'registration');
		if (reg) d.registrationId = readUInt(bytes(reg));
		for (const key of getBinaryNodeChildren(getBinaryNodeChild(iq, 'list'), 'key')) {
			d.preKeys.set(readUInt(bytes(getBinaryNodeChild(key, 'id'))), bytes(getBinaryNodeChild(key, 'value')));
		}
		const skey = getBinaryNodeChild(iq, 'skey') ?? getBinaryNodeChild(getBinaryNodeChild(iq, 'rotate'), 'skey');
		if (skey) {
			d.signedPreKey = {
				id: readUInt(bytes(getBinaryNodeChild(skey, 'id'))),
				pub: bytes(getBinaryNodeChild(skey, 'value')),
				sig: bytes(getBinaryNodeChild(skey, 'signature')),
			};
		}
	};
	server.onIq('encrypt', (conn, iq) => {
		if (iq.attrs.type !== 'set') throw new IqError(400, 'bad-request');
		upload(conn, iq);
	});
	server.onIq('encrypt/rotate', (conn, iq) => upload(conn, iq));
	server.onIq('encrypt/key', (_conn, iq) => {
		const users = getBinaryNodeChildren(getBinaryNodeChild(iq, 'key'), 'user').map(u => {
			const jid = u.attrs.jid ?? '';
			const r = server.registry.resolve(jid);
			const device = r?.device ?? (r && jidDecode(jid)?.device === undefined ? r.account.devices.get(0) : undefined);
			if (!device) return { tag: 'user', attrs: { jid }, content: [{ tag: 'error', attrs: { code: '404', text: 'item-not-found' } }] };
			return server.registry.bundle(device, jid);
		});
		return { tag: 'list', attrs: {}, content: users };
	});
	server.onIq('abt', () => ({
		tag: 'props',
		attrs: { protocol: '1', hash: 'sandbox', refresh: '86400' },
		content: [],
	}));
	server.onIq('w', () => ({ tag: 'props', attrs: { version: '1', hash: 'sandbox' }, content: [] }));
	server.onIq('w:mex', () => {
		throw new IqError(501, 'feature-not-implemented');
	});
	server.onIq('md/remove-companion-device', (conn, iq) => {
		const target = getBinaryNodeChild(iq, 'remove-companion-device')?.attrs.jid;
		const r = target ? server.registry.resolve(target) : undefined;
		const device = r?.device ?? conn.device;
		if (!device) throw new IqError(404, 'item-not-found');
		if (device.account !== conn.device?.account) throw new IqError(403, 'forbidden');
		server.registry.removeDevice(device);
		const link = device.link;
		delete device.link;
		server.logger.debug({ phone: device.account.phone, device: device.id }, 'companion removed (logout)');
		server.hooks.onDeviceRemoved?.(device);
		if (link && link !== conn && 'streamError' in link) (link as Connection).streamError(401);
	});
	server.onIq('usync', (_conn, iq) => usync(server, iq));
};

const usync = (server: SandboxServer, iq: BinaryNode): BinaryNode => {
	const query = getBinaryNodeChild(iq, 'usync')!;
	const protocols = children(getBinaryNodeChild(query, 'query')).map(n => n.tag);
	const users = getBinaryNodeChildren(getBinaryNodeChild(query, 'list'), 'user');
	const out: BinaryNode[] = users.map(user => {
		const contact = getBinaryNodeChild(user, 'contact');
		const phone = contact?.content ? bytes(contact).toString().replace(/[^0-9]/g, '') : undefined;
		const jid = user.attrs.jid ?? (phone ? pnJid(phone) : '');
		const r = jid ? server.registry.resolve(jid) : undefined;
		const content: BinaryNode[] = [];
		for (const p of protocols) {
			if (p === 'devices') {
				const devices = r ? [...r.account.devices.values()].sort((a, b) => a.id - b.id) : [];
				content.push({
					tag: 'devices',
					attrs: {},
					content: [
						{
							tag: 'device-list',
							attrs: {},
							content: devices.map(d => ({ tag: 'device', attrs: { id: String(d.id), ...(d.id ? { 'key-index': String(d.keyIndex) } : {}) } })),
						},
					],
				});
			} else if (p === 'lid') {
				if (r && r.domain === 'pn') content.push({ tag: 'lid', attrs: { val: lidJid(r.account.lid) } });
			} else if (p === 'contact') {
				content.push({ tag: 'contact', attrs: { type: r ? 'in' : 'out' }, ...(phone ? { content: Buffer.from(`+${phone}`) } : {}) });
			} else if (p === 'status') {
				content.push(
					r
						? { tag: 'status', attrs: { t: String(r.account.statusSetAt) }, content: Buffer.from(r.account.status) }
						: { tag: 'status', attrs: { code: '404' } },
				);
			} else if (p === 'disappearing_mode') {
				const mode = r ? disappearingMode(r.account) : { duration: 0, t: 0 };
				content.push({ tag: 'disappearing_mode', attrs: { duration: String(mode.duration), t: String(mode.t) } });
			}
		}
		return { tag: 'user', attrs: { jid: r && !user.attrs.jid ? pnJid(r.account.phone) : jid }, content };
	});
	return {
		tag: 'usync',
		attrs: { sid: query.attrs.sid ?? '', index: '0', last: 'true', mode: query.attrs.mode ?? 'query', context: query.attrs.context ?? 'interactive' },
		content: [
			{ tag: 'result', attrs: {}, content: protocols.map(p => ({ tag: p, attrs: {} })) },
			{ tag: 'list', attrs: {}, content: out },
		],
	};
};

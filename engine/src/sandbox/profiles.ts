import { randomBytes } from 'node:crypto';
import { getBinaryNodeChild, isJidGroup, type BinaryNode } from '@whiskeysockets/baileys';
import { Jimp } from 'jimp';
import { pnJid, type Account, type DeviceRecord } from './accounts.js';
import type { MediaServer } from './media.js';
import { IqError, unixNow, type Connection, type SandboxServer } from './server.js';

/** WhatsApp serves a small thumbnail besides the full photo; its clients ask for `preview` in chat lists. */
const PREVIEW_SIZE = 96;

const me = (conn: Connection): DeviceRecord => {
	if (!conn.device) throw new IqError(401, 'not-authorized');
	return conn.device;
};

/**
 * A user's own profile as the server keeps it: the about text (`status` IQ, read back through usync's status
 * protocol), the profile photo (`w:profile:picture` without a group target; groups.ts serves group targets) and the
 * business profile query, which the sandbox answers as WhatsApp does for personal accounts.
 */
export const registerProfiles = (server: SandboxServer, media: MediaServer): void => void new Profiles(server, media);

class Profiles {
	constructor(
		private readonly server: SandboxServer,
		private readonly media: MediaServer,
	) {
		server.onIq('w:profile:picture', (conn, iq) => (iq.attrs.type === 'get' ? this.picture(iq) : this.setPicture(conn, iq)));
		server.onIq('status', (conn, iq) => {
			const account = me(conn).account;
			const text = getBinaryNodeChild(iq, 'status')?.content;
			account.status = text instanceof Uint8Array ? Buffer.from(text).toString('utf8') : String(text ?? '');
			account.statusSetAt = unixNow();
			this.server.changed();
		});
		// Every sandbox account is a personal one: WhatsApp answers an empty business_profile for those.
		server.onIq('w:biz', () => ({ tag: 'business_profile', attrs: { v: '244' } }));
	}

	private picture(iq: BinaryNode): BinaryNode {
		const target = iq.attrs.target ?? '';
		const account = isJidGroup(target) ? undefined : this.server.registry.resolve(target)?.account;
		const picture = account?.picture;
		if (!picture) throw new IqError(404, 'item-not-found');
		const type = getBinaryNodeChild(iq, 'picture')?.attrs.type === 'preview' ? 'preview' : 'image';
		const directPath = this.media.put(type === 'preview' ? picture.preview : picture.image);
		return { tag: 'picture', attrs: { id: picture.id, type, url: `https://${this.media.hostPort}${directPath}`, direct_path: directPath } };
	}

	/** Sets (a `<picture>` with the JPEG) or removes (no content) the account's own photo. */
	private async setPicture(conn: Connection, iq: BinaryNode): Promise<BinaryNode | void> {
		const device = me(conn);
		const target = iq.attrs.target ? this.server.registry.resolve(iq.attrs.target) : undefined;
		if (iq.attrs.target && target?.account !== device.account) throw new IqError(403, 'not-authorized');
		const account = device.account;
		const image = getBinaryNodeChild(iq, 'picture')?.content;
		if (image instanceof Uint8Array && image.length) {
			const full = Buffer.from(image);
			let preview: Buffer;
			try {
				preview = await (await Jimp.read(full)).resize({ w: PREVIEW_SIZE, h: PREVIEW_SIZE }).getBuffer('image/jpeg');
			} catch {
				throw new IqError(406, 'not-acceptable');
			}
			account.picture = { id: String(Date.now()), image: full, preview };
		} else {
			delete account.picture;
		}
		this.announce(account, device);
		this.server.changed();
		return account.picture ? { tag: 'picture', attrs: { id: account.picture.id } } : undefined;
	}

	/**
	 * Tells the account's other devices and everyone online that the photo changed, as a `picture` notification
	 * (Baileys turns it into `contacts.update` with `imgUrl`). WhatsApp limits this to people who have the number
	 * in a chat or address book; the sandbox keeps no address books, so every online account hears it.
	 */
	private announce(account: Account, from: DeviceRecord): void {
		const jid = pnJid(account.phone);
		const change: BinaryNode = account.picture ? { tag: 'set', attrs: { jid, id: account.picture.id } } : { tag: 'delete', attrs: { jid } };
		for (const other of this.server.registry.accounts()) {
			for (const d of other.devices.values()) {
				if (d === from || !(other === account || d.link?.open)) continue;
				this.server.deliver(d, {
					tag: 'notification',
					attrs: { id: randomBytes(6).toString('hex'), type: 'picture', from: jid, t: String(unixNow()) },
					content: [change],
				});
			}
		}
	}
}

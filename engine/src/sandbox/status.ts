import { getBinaryNodeChild, jidDecode, type BinaryNode } from '@whiskeysockets/baileys';
import { deviceJid, pnJid, type DeviceRecord } from './accounts.js';
import { children, unixNow, type Connection, type SandboxServer } from './server.js';

/**
 * A status (story) sent to status@broadcast. WhatsApp keeps no audience: the sender lists every device it wants to
 * reach under `participants`, each with its own pkmsg/msg carrying the sender key, and attaches the status itself
 * once as a shared skmsg. Each listed device gets its own part plus the shared one, from `status@broadcast` with the
 * author as participant. Baileys encrypts a status under the author's LID, so the LID is the participant.
 * Receipts for a status are not routed, so nobody asks the author for a resend.
 */
export function routeStatus(server: SandboxServer, conn: Connection, node: BinaryNode): void {
	const sender = conn.device!;
	const perDevice = new Map<DeviceRecord, BinaryNode[]>();
	for (const t of children(getBinaryNodeChild(node, 'participants'))) {
		const r = server.registry.resolve(t.attrs.jid ?? '');
		const d = r?.device ?? (r && jidDecode(t.attrs.jid ?? '')?.device === undefined ? r.account.devices.get(0) : undefined);
		if (d) perDevice.set(d, children(t));
	}
	const shared = children(node).filter(c => c.tag === 'enc' || c.tag === 'device-identity');
	const attrs: Record<string, string> = {
		from: 'status@broadcast',
		id: node.attrs.id ?? '',
		t: String(unixNow()),
		type: node.attrs.type ?? 'text',
		notify: sender.account.name,
		participant: deviceJid(sender, 'lid'),
		participant_pn: pnJid(sender.account.phone, sender.id),
	};
	for (const [device, own] of perDevice) {
		if (device === sender) continue;
		server.deliver(device, { tag: 'message', attrs, content: [...own, ...shared] });
	}
}

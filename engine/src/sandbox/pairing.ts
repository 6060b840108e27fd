import { createHmac, randomInt } from 'node:crypto';
import { Curve, getBinaryNodeChild, proto, S_WHATSAPP_NET } from '@whiskeysockets/baileys';
import { lidJid, pnJid, type Account, type DeviceRecord } from './accounts.js';
import { strictVerify, unixNow, type Connection, type SandboxServer } from './server.js';

const ACCOUNT_SIG_PREFIX = Buffer.from([6, 0]);
const DEVICE_SIG_PREFIX = Buffer.from([6, 1]);

export interface ParsedQr {
	ref: string;
	noiseKeyB64: string;
	identityKeyB64: string;
	advSecretB64: string;
	platformId: string;
}

export const parseQr = (qr: string): ParsedQr => {
	const body = qr.includes('#') ? qr.slice(qr.indexOf('#') + 1) : qr;
	const [ref, noiseKeyB64, identityKeyB64, advSecretB64, platformId] = body.split(',');
	if (!ref || !noiseKeyB64 || !identityKeyB64 || !advSecretB64) throw new Error('not a WhatsApp pairing QR');
	return { ref, noiseKeyB64, identityKeyB64, advSecretB64, platformId: platformId ?? '' };
};

/** The account signature the primary puts on a companion identity (what pair-success carries). */
export const signCompanion = (account: Account, identityPub: Uint8Array, keyIndex: number): proto.IADVSignedDeviceIdentity => {
	const details = proto.ADVDeviceIdentity.encode({ rawId: randomInt(1, 2 ** 31), timestamp: unixNow(), keyIndex }).finish();
	const accountSignature = Curve.sign(account.accountKey.private, Buffer.concat([ACCOUNT_SIG_PREFIX, details, identityPub]));
	return { details, accountSignatureKey: account.accountKey.public, accountSignature };
};

/**
 * The phone side of a QR scan: registers the companion, sends pair-success with an ADV identity HMAC'd with the
 * QR's adv secret, checks the companion's device signature, then asks it to restart (515).
 */
export const completePairing = async (server: SandboxServer, conn: Connection, account: Account, qr: ParsedQr): Promise<DeviceRecord> => {
	const reg = conn.registration;
	if (!reg) throw new Error('connection is not waiting for pairing');
	if (!reg.refs.includes(qr.ref)) throw new Error('QR ref was not issued by the sandbox');
	if (reg.identityPub.toString('base64') !== qr.identityKeyB64) throw new Error('QR identity key does not match the connection');
	const device = server.registry.addDevice(account, {
		identityPub: reg.identityPub,
		registrationId: reg.registrationId,
		signedPreKey: reg.signedPreKey,
		noisePub: conn.noise.clientStatic!,
		platform: qr.platformId,
	});
	try {
		const signed = signCompanion(account, reg.identityPub, device.keyIndex);
		const details = proto.ADVSignedDeviceIdentity.encode(signed).finish();
		const hmac = createHmac('sha256', Buffer.from(qr.advSecretB64, 'base64')).update(details).digest();
		const answer = await conn.query({
			tag: 'iq',
			attrs: { type: 'set', from: S_WHATSAPP_NET, t: String(unixNow()) },
			content: [
				{
					tag: 'pair-success',
					attrs: {},
					content: [
						{
							tag: 'device-identity',
							attrs: { 'key-index': String(device.keyIndex) },
							content: proto.ADVSignedDeviceIdentityHMAC.encode({ details, hmac }).finish(),
						},
						{ tag: 'platform', attrs: { name: 'smba' } },
						{ tag: 'device', attrs: { jid: pnJid(account.phone, device.id), lid: lidJid(account.lid, device.id) } },
					],
				},
			],
		});
		const identityNode = getBinaryNodeChild(getBinaryNodeChild(answer, 'pair-device-sign'), 'device-identity');
		if (answer.attrs.type !== 'result' || !(identityNode?.content instanceof Uint8Array)) {
			throw new Error('companion rejected pair-success');
		}
		const back = proto.ADVSignedDeviceIdentity.decode(identityNode.content);
		const deviceMsg = Buffer.concat([DEVICE_SIG_PREFIX, back.details ?? Buffer.alloc(0), reg.identityPub, account.accountKey.public]);
		if (!back.deviceSignature || !strictVerify(reg.identityPub, deviceMsg, back.deviceSignature)) {
			throw new Error('companion device signature is invalid');
		}
	} catch (err) {
		server.registry.removeDevice(device);
		throw err;
	}
	delete conn.registration;
	server.hooks.onDeviceAdded?.(device);
	conn.streamError(515);
	return device;
};

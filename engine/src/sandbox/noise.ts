import { randomBytes } from 'node:crypto';
import { Curve, NOISE_MODE, aesDecryptGCM, aesEncryptGCM, hkdf, proto, sha256 } from '@whiskeysockets/baileys';

import type { KeyPair } from '@whiskeysockets/baileys';
export type { KeyPair };

/** The first client frame carries "WA",6,DICT_VERSION; Baileys authenticates exactly these 4 bytes. */
const WA_HEADER_LEN = 4;

/**
 * A three-level noise certificate chain rooted in a key the sandbox owns. Signatures are real (libsignal XEdDSA),
 * so the chain stays valid if Baileys ever fixes Curve.verify to honour its return value.
 */
export class NoiseCertAuthority {
	readonly root: KeyPair = Curve.generateKeyPair();
	readonly intermediate: KeyPair = Curve.generateKeyPair();
	readonly serverStatic: KeyPair = Curve.generateKeyPair();
	readonly chain: Uint8Array;

	constructor() {
		const now = Math.floor(Date.now() / 1000);
		const intermediateDetails = proto.CertChain.NoiseCertificate.Details.encode({
			serial: 1,
			// Baileys insists the intermediate's issuer serial equals WA_CERT_DETAILS.SERIAL (0)
			issuerSerial: 0,
			key: this.intermediate.public,
			notBefore: now - 3600,
			notAfter: now + 10 * 365 * 86400,
		}).finish();
		const leafDetails = proto.CertChain.NoiseCertificate.Details.encode({
			serial: 2,
			issuerSerial: 1,
			key: this.serverStatic.public,
			notBefore: now - 3600,
			notAfter: now + 10 * 365 * 86400,
		}).finish();
		this.chain = proto.CertChain.encode({
			intermediate: {
				details: intermediateDetails,
				signature: Buffer.from(Curve.sign(this.root.private, intermediateDetails)),
			},
			leaf: { details: leafDetails, signature: Buffer.from(Curve.sign(this.intermediate.private, leafDetails)) },
		}).finish();
	}
}

const iv = (counter: number): Buffer => {
	const b = Buffer.alloc(12);
	b.writeUInt32BE(counter, 8);
	return b;
};

/**
 * Server half of Noise_XX_25519_AESGCM_SHA256 as Baileys speaks it, plus the 3-byte length framing.
 * Feed raw websocket bytes to `push`; it yields complete frames (handshake protobufs before `transport`,
 * decrypted binary-node payloads after).
 */
export class NoiseResponder {
	private hash: Buffer = Buffer.from(NOISE_MODE);
	private salt: Buffer = this.hash;
	private key: Buffer = this.hash;
	private counter = 0;
	private inBytes: Buffer = Buffer.alloc(0);
	private sawIntro = false;
	private ephemeral: KeyPair = Curve.generateKeyPair();
	private enc?: { key: Buffer; counter: number };
	private dec?: { key: Buffer; counter: number };
	/** Routing info the client echoed in an "ED" header, if any. */
	routingInfo?: Buffer;
	/** The client's static noise key; this is what a QR code carries, so scans are matched on it. */
	clientStatic?: Buffer;

	constructor(private readonly ca: NoiseCertAuthority) {}

	get transport(): boolean {
		return !!this.enc;
	}

	private authenticate(data: Uint8Array): void {
		if (!this.enc) this.hash = sha256(Buffer.concat([this.hash, data]));
	}

	private mix(data: Uint8Array): void {
		const out = Buffer.from(hkdf(Buffer.from(data), 64, { salt: this.salt, info: '' }));
		this.salt = out.subarray(0, 32);
		this.key = out.subarray(32);
		this.counter = 0;
	}

	private encryptHs(plain: Uint8Array): Buffer {
		const out = aesEncryptGCM(plain, this.key, iv(this.counter++), this.hash);
		this.authenticate(out);
		return out;
	}

	private decryptHs(cipher: Uint8Array): Buffer {
		const out = aesDecryptGCM(cipher, this.key, iv(this.counter++), this.hash);
		this.authenticate(cipher);
		return out;
	}

	/** Splits incoming bytes into frames, stripping the one-time intro header. */
	push(data: Buffer): Buffer[] {
		this.inBytes = this.inBytes.length ? Buffer.concat([this.inBytes, data]) : data;
		if (!this.sawIntro) {
			if (this.inBytes[0] === 0x45 && this.inBytes[1] === 0x44) {
				if (this.inBytes.length < 7) return [];
				const len = (this.inBytes[4]! << 16) | this.inBytes.readUInt16BE(5);
				if (this.inBytes.length < 7 + len + WA_HEADER_LEN) return [];
				this.routingInfo = Buffer.from(this.inBytes.subarray(7, 7 + len));
				this.inBytes = this.inBytes.subarray(7 + len);
			}
			if (this.inBytes.length < WA_HEADER_LEN) return [];
			if (this.inBytes[0] !== 0x57 || this.inBytes[1] !== 0x41) throw new Error('bad noise intro header');
			this.authenticate(this.inBytes.subarray(0, WA_HEADER_LEN));
			this.inBytes = this.inBytes.subarray(WA_HEADER_LEN);
			this.sawIntro = true;
		}
		const frames: Buffer[] = [];
		while (this.inBytes.length >= 3) {
			const size = (this.inBytes[0]! << 16) | (this.inBytes[1]! << 8) | this.inBytes[2]!;
			if (this.inBytes.length < size + 3) break;
			let frame = Buffer.from(this.inBytes.subarray(3, size + 3));
			this.inBytes = this.inBytes.subarray(size + 3);
			if (this.dec) frame = aesDecryptGCM(frame, this.dec.key, iv(this.dec.counter++), Buffer.alloc(0));
			frames.push(frame);
		}
		return frames;
	}

	/** clientHello in, serverHello frame out. */
	respondHello(frame: Buffer): Buffer {
		const msg = proto.HandshakeMessage.decode(frame);
		const clientEphemeral = msg.clientHello?.ephemeral;
		if (!clientEphemeral?.length) throw new Error('expected clientHello');
		this.authenticate(clientEphemeral);
		this.authenticate(this.ephemeral.public);
		this.mix(Curve.sharedKey(this.ephemeral.private, clientEphemeral));
		const staticEnc = this.encryptHs(this.ca.serverStatic.public);
		this.mix(Curve.sharedKey(this.ca.serverStatic.private, clientEphemeral));
		const payload = this.encryptHs(this.ca.chain);
		const out = proto.HandshakeMessage.encode({
			serverHello: { ephemeral: this.ephemeral.public, static: staticEnc, payload },
		}).finish();
		return this.frame(Buffer.from(out));
	}

	/** clientFinish in, ClientPayload out; switches to transport keys. */
	finish(frame: Buffer): proto.ClientPayload {
		const msg = proto.HandshakeMessage.decode(frame);
		const fin = msg.clientFinish;
		if (!fin?.static || !fin.payload) throw new Error('expected clientFinish');
		this.clientStatic = this.decryptHs(fin.static);
		this.mix(Curve.sharedKey(this.ephemeral.private, this.clientStatic));
		const payload = proto.ClientPayload.decode(this.decryptHs(fin.payload));
		const out = Buffer.from(hkdf(Buffer.alloc(0), 64, { salt: this.salt, info: '' }));
		// the client writes with the first half, so that is what we read with
		this.dec = { key: out.subarray(0, 32), counter: 0 };
		this.enc = { key: out.subarray(32), counter: 0 };
		return payload;
	}

	/** Length-prefixes (and, after the handshake, encrypts) one outgoing frame. */
	frame(data: Buffer): Buffer {
		if (this.enc) data = aesEncryptGCM(data, this.enc.key, iv(this.enc.counter++), Buffer.alloc(0));
		const out = Buffer.allocUnsafe(3 + data.length);
		out[0] = (data.length >>> 16) & 0xff;
		out[1] = (data.length >>> 8) & 0xff;
		out[2] = data.length & 0xff;
		data.copy(out, 3);
		return out;
	}
}

export const randomId = (bytes = 8): string => randomBytes(bytes).toString('hex').toUpperCase();

import { jidNormalizedUser, type WASocket } from '@whiskeysockets/baileys';
import { HttpError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { appState, whatsapp } from './whatsapp-call.js';

/** The account's own profile: push name, about, picture. */
export class ProfileActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}

	/**
	 * WhatsApp keeps the push name as an app-state setting (so it needs the sync key the phone shares); Baileys then
	 * announces it with a presence, and recipients see it on the next message.
	 */
	async setPushName(name: string): Promise<void> {
		const socket = this.socket();
		await appState(() => socket.updateProfileName(name));
	}

	/** Sets the account's photo: Baileys crops the image to a square and scales it to WhatsApp's 640×640 JPEG. */
	async setPicture(image: Buffer): Promise<void> {
		const socket = this.socket();
		try {
			await whatsapp(() => socket.updateProfilePicture(socket.user!.id, image));
		} catch (error) {
			if (error instanceof HttpError) throw error;
			// Anything that is not a WhatsApp answer comes from decoding the image.
			throw new HttpError(422, 'invalid_image', `The picture could not be read as an image (JPEG, PNG, BMP, GIF or TIFF): ${(error as Error).message}`);
		}
	}

	async removePicture(): Promise<void> {
		const socket = this.socket();
		await whatsapp(() => socket.removeProfilePicture(socket.user!.id));
	}

	/** The account's about text as WhatsApp serves it to others, and when it was set (epoch ms). */
	async about(): Promise<{ about: string | null; setAt?: number }> {
		const socket = this.socket();
		const [own] = (await whatsapp(() => socket.fetchStatus(jidNormalizedUser(socket.user!.id)))) ?? [];
		const status = own?.status as { status?: string | null; setAt?: Date } | undefined;
		return { about: status?.status || null, ...(status?.status && status.setAt && status.setAt.getTime() > 0 && { setAt: status.setAt.getTime() }) };
	}

	async setAbout(text: string): Promise<void> {
		const socket = this.socket();
		await whatsapp(() => socket.updateProfileStatus(text));
	}
}

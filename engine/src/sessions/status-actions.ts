import { generateWAMessageContent, generateWAMessageFromContent, proto, type WASocket } from '@whiskeysockets/baileys';
import type { Logger } from '../lib/logger.js';
import { toBaileysContent, type OutgoingMedia } from './outgoing.js';
import { whatsapp } from './whatsapp-call.js';

const STATUS_JID = 'status@broadcast';

/** The fonts WhatsApp offers for text statuses, by the names the API uses. */
const STATUS_FONTS = {
	system: proto.Message.ExtendedTextMessage.FontType.SYSTEM,
	systemText: proto.Message.ExtendedTextMessage.FontType.SYSTEM_TEXT,
	fbScript: proto.Message.ExtendedTextMessage.FontType.FB_SCRIPT,
	systemBold: proto.Message.ExtendedTextMessage.FontType.SYSTEM_BOLD,
	morningBreeze: proto.Message.ExtendedTextMessage.FontType.MORNINGBREEZE_REGULAR,
	calistoga: proto.Message.ExtendedTextMessage.FontType.CALISTOGA_REGULAR,
	exo2: proto.Message.ExtendedTextMessage.FontType.EXO2_EXTRABOLD,
	courierPrime: proto.Message.ExtendedTextMessage.FontType.COURIERPRIME_BOLD,
} as const;
export type StatusFont = keyof typeof STATUS_FONTS;

export type StatusContent =
	| { kind: 'text'; text: string; backgroundColor?: string; textColor?: string; font?: StatusFont }
	| { kind: 'image'; media: OutgoingMedia; caption?: string }
	| { kind: 'video'; media: OutgoingMedia; caption?: string }
	| { kind: 'audio'; media: OutgoingMedia; voiceNote: boolean; backgroundColor?: string };

/** `#RRGGBB` or `#AARRGGBB` as the unsigned ARGB number WhatsApp's protobuf carries. */
const argb = (hex: string): number => {
	const digits = hex.replace('#', '');
	return parseInt(digits.length === 6 ? `FF${digits}` : digits, 16) >>> 0;
};

const textStatus = (content: Extract<StatusContent, { kind: 'text' }>): proto.IMessage => ({
	extendedTextMessage: {
		text: content.text,
		...(content.backgroundColor && { backgroundArgb: argb(content.backgroundColor) }),
		...(content.textColor && { textArgb: argb(content.textColor) }),
		...(content.font && { font: STATUS_FONTS[content.font] }),
	},
});

/**
 * Status updates (stories) sent to status@broadcast. WhatsApp has no server-side audience: the sender encrypts the
 * status for every device of the people in `statusJidList`, so the caller's list is exactly who can see it.
 */
export class StatusActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}

	async send(content: StatusContent, recipients: string[]): Promise<{ id: string; timestamp: number }> {
		const socket = this.socket();
		// The status is built here and relayed as it is: Baileys' sendMessage has no option for the text colour, and
		// it drops the background of a voice note whenever it cannot read the audio's duration.
		const body = content.kind === 'text' ? textStatus(content) : await this.mediaStatus(socket, content);
		const message = generateWAMessageFromContent(STATUS_JID, body, { userJid: socket.user!.id });
		await whatsapp(() => socket.relayMessage(STATUS_JID, message.message!, { messageId: message.key.id!, statusJidList: recipients }));
		return { id: message.key.id!, timestamp: Number(message.messageTimestamp) };
	}

	private async mediaStatus(socket: WASocket, content: Exclude<StatusContent, { kind: 'text' }>): Promise<proto.IMessage> {
		const baileys =
			content.kind === 'audio'
				? toBaileysContent({ kind: 'audio', media: content.media, voiceNote: content.voiceNote })
				: toBaileysContent({ kind: content.kind, media: content.media, caption: content.caption });
		const message = await whatsapp(() => generateWAMessageContent(baileys, { upload: socket.waUploadToServer, logger: this.logger as never }));
		if (content.kind === 'audio' && content.backgroundColor && message.audioMessage) message.audioMessage.backgroundArgb = argb(content.backgroundColor);
		return message;
	}
}

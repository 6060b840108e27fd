import type { AnyMessageContent } from '@whiskeysockets/baileys';

/** Media to send: the bytes, or a URL Baileys streams from (the engine only passes URLs it has vetted). */
export interface OutgoingMedia {
	data: Buffer;
	mimetype?: string;
	fileName?: string;
}

/**
 * What the engine can send, in its own terms; `toBaileysContent` is the only place that knows Baileys' shape.
 * Grows with the message operations.
 */
export type OutgoingMessage =
	| { kind: 'text'; text: string; mentions?: string[] }
	| { kind: 'image'; media: OutgoingMedia; caption?: string; mentions?: string[] }
	| { kind: 'document'; media: OutgoingMedia; caption?: string };

export function toBaileysContent(message: OutgoingMessage): AnyMessageContent {
	switch (message.kind) {
		case 'text':
			return { text: message.text, ...(message.mentions?.length && { mentions: message.mentions }) };
		case 'image':
			return {
				image: message.media.data,
				...(message.media.mimetype && { mimetype: message.media.mimetype }),
				...(message.caption && { caption: message.caption }),
				...(message.mentions?.length && { mentions: message.mentions }),
			};
		case 'document':
			return {
				document: message.media.data,
				mimetype: message.media.mimetype ?? 'application/octet-stream',
				...(message.media.fileName && { fileName: message.media.fileName }),
				...(message.caption && { caption: message.caption }),
			};
	}
}

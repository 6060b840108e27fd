import { proto, type AnyMessageContent, type BinaryNode } from '@whiskeysockets/baileys';

/** Media to send: the bytes (the engine has already fetched and checked anything given by URL). */
export interface OutgoingMedia {
	data: Buffer;
	mimetype?: string;
	fileName?: string;
}

/** A link preview the engine built itself (Baileys' own fetcher is never used: it would follow any URL). */
export interface LinkPreview {
	url: string;
	matchedText: string;
	title?: string;
	description?: string;
}

/** One button of an interactive message, in the engine's terms. */
export type OutgoingButton =
	| { type: 'reply'; text: string; id: string }
	| { type: 'url'; text: string; url: string }
	| { type: 'call'; text: string; phone: string }
	| { type: 'copy'; text: string; code: string };

export interface InteractiveHeaderMedia {
	kind: 'image' | 'video' | 'document';
	media: OutgoingMedia;
}

export interface CarouselCard {
	text: string;
	title?: string;
	footer?: string;
	header?: InteractiveHeaderMedia;
	buttons: OutgoingButton[];
}

/**
 * What the engine can send, in its own terms; this file is the only place that knows Baileys' shapes.
 * `list`, `buttons`, `template`, `nativeFlow` and `carousel` have no Baileys content type: they are built as
 * protobuf here and relayed as they are (`isRawMessage`).
 */
export type OutgoingMessage =
	| { kind: 'text'; text: string; mentions?: string[]; linkPreview?: LinkPreview | null }
	| { kind: 'image'; media: OutgoingMedia; caption?: string; mentions?: string[]; viewOnce?: boolean }
	| { kind: 'video'; media: OutgoingMedia; caption?: string; mentions?: string[]; viewOnce?: boolean; gifPlayback?: boolean }
	| { kind: 'videoNote'; media: OutgoingMedia }
	| { kind: 'audio'; media: OutgoingMedia; voiceNote?: boolean; seconds?: number; viewOnce?: boolean }
	| { kind: 'document'; media: OutgoingMedia; caption?: string; mentions?: string[] }
	| { kind: 'sticker'; media: OutgoingMedia; animated?: boolean }
	| { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string }
	| { kind: 'contacts'; displayName?: string; cards: Array<{ name: string; vcard: string }> }
	| { kind: 'poll'; question: string; options: string[]; selectableCount: number; mentions?: string[] }
	| {
			kind: 'event';
			name: string;
			description?: string;
			startTime: number;
			endTime?: number;
			location?: { name?: string; latitude?: number; longitude?: number; address?: string };
			call?: 'audio' | 'video';
			isCancelled?: boolean;
			isScheduleCall?: boolean;
			extraGuestsAllowed?: boolean;
	  }
	| { kind: 'groupInvite'; groupJid: string; text?: string; expiresAt?: number }
	| RawMessage;

export type RawMessage =
	| {
			kind: 'list';
			text: string;
			title?: string;
			footer?: string;
			buttonText: string;
			sections: Array<{ title?: string; rows: Array<{ id: string; title: string; description?: string }> }>;
	  }
	| { kind: 'buttons'; text: string; title?: string; footer?: string; header?: InteractiveHeaderMedia; buttons: OutgoingButton[] }
	| { kind: 'template'; text: string; title?: string; footer?: string; buttons: Array<Exclude<OutgoingButton, { type: 'copy' }>> }
	| {
			kind: 'nativeFlow';
			text: string;
			title?: string;
			footer?: string;
			header?: InteractiveHeaderMedia;
			buttons: Array<{ name: string; params: Record<string, unknown> }>;
			messageParams?: Record<string, unknown>;
			messageVersion?: number;
	  }
	| { kind: 'carousel'; text: string; footer?: string; cards: CarouselCard[] };

const RAW_KINDS = new Set(['list', 'buttons', 'template', 'nativeFlow', 'carousel']);
export const isRawMessage = (message: OutgoingMessage): message is RawMessage => RAW_KINDS.has(message.kind);

/** Group invite content once the engine knows the code and subject. */
export interface ResolvedGroupInvite {
	code: string;
	subject: string;
}

const mentionsOf = (mentions: string[] | undefined) => (mentions?.length ? { mentions } : {});

export function toBaileysContent(message: Exclude<OutgoingMessage, RawMessage>, invite?: ResolvedGroupInvite): AnyMessageContent {
	switch (message.kind) {
		case 'text':
			return {
				text: message.text,
				...mentionsOf(message.mentions),
				// null tells Baileys not to build a preview on its own; undefined would let it fetch the URL.
				linkPreview: message.linkPreview
					? {
							'canonical-url': message.linkPreview.url,
							'matched-text': message.linkPreview.matchedText,
							title: message.linkPreview.title ?? message.linkPreview.url,
							...(message.linkPreview.description && { description: message.linkPreview.description }),
						}
					: null,
			};
		case 'image':
			return {
				image: message.media.data,
				...(message.media.mimetype && { mimetype: message.media.mimetype }),
				...(message.caption && { caption: message.caption }),
				...mentionsOf(message.mentions),
				...(message.viewOnce && { viewOnce: true }),
			};
		case 'video':
			return {
				video: message.media.data,
				mimetype: message.media.mimetype ?? 'video/mp4',
				...(message.caption && { caption: message.caption }),
				...mentionsOf(message.mentions),
				...(message.viewOnce && { viewOnce: true }),
				...(message.gifPlayback && { gifPlayback: true }),
			};
		case 'videoNote':
			return { video: message.media.data, mimetype: message.media.mimetype ?? 'video/mp4', ptv: true };
		case 'audio':
			return {
				audio: message.media.data,
				mimetype: message.media.mimetype ?? (message.voiceNote ? 'audio/ogg; codecs=opus' : 'audio/mpeg'),
				ptt: Boolean(message.voiceNote),
				...(message.seconds !== undefined && { seconds: message.seconds }),
				...(message.viewOnce && { viewOnce: true }),
			};
		case 'document':
			return {
				document: message.media.data,
				mimetype: message.media.mimetype ?? 'application/octet-stream',
				...(message.media.fileName && { fileName: message.media.fileName }),
				...(message.caption && { caption: message.caption }),
				...mentionsOf(message.mentions),
			};
		case 'sticker':
			return { sticker: message.media.data, mimetype: message.media.mimetype ?? 'image/webp', ...(message.animated && { isAnimated: true }) };
		case 'location':
			return {
				location: {
					degreesLatitude: message.latitude,
					degreesLongitude: message.longitude,
					...(message.name && { name: message.name }),
					...(message.address && { address: message.address }),
				},
			};
		case 'contacts':
			return {
				contacts: {
					displayName: message.displayName ?? (message.cards.length === 1 ? message.cards[0].name : `${message.cards.length} contacts`),
					contacts: message.cards.map((card) => ({ displayName: card.name, vcard: card.vcard })),
				},
			};
		case 'poll':
			return { poll: { name: message.question, values: message.options, selectableCount: message.selectableCount }, ...mentionsOf(message.mentions) };
		case 'event':
			return {
				event: {
					name: message.name,
					...(message.description && { description: message.description }),
					startDate: new Date(message.startTime * 1000),
					...(message.endTime !== undefined && { endDate: new Date(message.endTime * 1000) }),
					...(message.location && {
						location: {
							name: message.location.name,
							degreesLatitude: message.location.latitude ?? 0,
							degreesLongitude: message.location.longitude ?? 0,
							...(message.location.address && { address: message.location.address }),
						},
					}),
					...(message.call && { call: message.call }),
					...(message.isCancelled && { isCancelled: true }),
					...(message.isScheduleCall && { isScheduleCall: true }),
					...(message.extraGuestsAllowed && { extraGuestsAllowed: true }),
				},
			};
		case 'groupInvite':
			if (!invite) throw new Error('group invite not resolved');
			return {
				groupInvite: {
					inviteCode: invite.code,
					inviteExpiration: message.expiresAt ?? Math.floor(Date.now() / 1000) + 3 * 86400,
					text: message.text ?? '',
					jid: message.groupJid,
					subject: invite.subject,
				},
			};
	}
}

/** Uploads header media and returns the ready media message (`imageMessage` / `videoMessage` / `documentMessage`). */
export type PrepareMedia = (header: InteractiveHeaderMedia) => Promise<proto.IMessage>;

const nativeFlowButton = (button: OutgoingButton): proto.Message.InteractiveMessage.NativeFlowMessage.INativeFlowButton => {
	switch (button.type) {
		case 'reply':
			return { name: 'quick_reply', buttonParamsJson: JSON.stringify({ display_text: button.text, id: button.id }) };
		case 'url':
			return { name: 'cta_url', buttonParamsJson: JSON.stringify({ display_text: button.text, url: button.url, merchant_url: button.url }) };
		case 'call':
			return { name: 'cta_call', buttonParamsJson: JSON.stringify({ display_text: button.text, phone_number: button.phone }) };
		case 'copy':
			return { name: 'cta_copy', buttonParamsJson: JSON.stringify({ display_text: button.text, copy_code: button.code }) };
	}
};

async function header(title: string | undefined, media: InteractiveHeaderMedia | undefined, prepare: PrepareMedia): Promise<proto.Message.InteractiveMessage.IHeader | undefined> {
	if (!title && !media) return undefined;
	const prepared = media ? await prepare(media) : {};
	return {
		...(title && { title }),
		hasMediaAttachment: Boolean(media),
		...(prepared.imageMessage && { imageMessage: prepared.imageMessage }),
		...(prepared.videoMessage && { videoMessage: prepared.videoMessage }),
		...(prepared.documentMessage && { documentMessage: prepared.documentMessage }),
	};
}

/**
 * Builds the protobuf of a list / buttons / template / native-flow / carousel message, and the `biz` stanza node
 * WhatsApp's clients look for on interactive messages. Phones may still not render these from a linked device.
 */
export async function toRawProto(message: RawMessage, prepare: PrepareMedia): Promise<{ content: proto.IMessage; additionalNodes: BinaryNode[] }> {
	const nativeFlowNode: BinaryNode = {
		tag: 'biz',
		attrs: {},
		content: [{ tag: 'interactive', attrs: { type: 'native_flow', v: '1' }, content: [{ tag: 'native_flow', attrs: { v: '9', name: 'mixed' } }] }],
	};
	switch (message.kind) {
		case 'list':
			return {
				content: {
					listMessage: {
						title: message.title ?? '',
						description: message.text,
						buttonText: message.buttonText,
						...(message.footer && { footerText: message.footer }),
						listType: proto.Message.ListMessage.ListType.SINGLE_SELECT,
						sections: message.sections.map((section) => ({
							...(section.title && { title: section.title }),
							rows: section.rows.map((row) => ({ rowId: row.id, title: row.title, ...(row.description && { description: row.description }) })),
						})),
					},
				},
				additionalNodes: [{ tag: 'biz', attrs: {}, content: [{ tag: 'list', attrs: { type: 'product_list', v: '2' } }] }],
			};
		case 'template':
			return {
				content: {
					templateMessage: {
						hydratedTemplate: {
							...(message.title && { hydratedTitleText: message.title }),
							hydratedContentText: message.text,
							...(message.footer && { hydratedFooterText: message.footer }),
							hydratedButtons: message.buttons.map((button, index) =>
								button.type === 'reply'
									? { index, quickReplyButton: { displayText: button.text, id: button.id } }
									: button.type === 'url'
										? { index, urlButton: { displayText: button.text, url: button.url } }
										: { index, callButton: { displayText: button.text, phoneNumber: button.phone } },
							),
						},
					},
				},
				additionalNodes: [],
			};
		case 'buttons':
		case 'nativeFlow': {
			const buttons = message.kind === 'buttons' ? message.buttons.map(nativeFlowButton) : message.buttons.map((b) => ({ name: b.name, buttonParamsJson: JSON.stringify(b.params) }));
			const head = await header(message.title, message.header, prepare);
			return {
				content: {
					interactiveMessage: {
						...(head && { header: head }),
						body: { text: message.text },
						...(message.footer && { footer: { text: message.footer } }),
						nativeFlowMessage: {
							buttons,
							...(message.kind === 'nativeFlow' && message.messageParams && { messageParamsJson: JSON.stringify(message.messageParams) }),
							messageVersion: message.kind === 'nativeFlow' ? (message.messageVersion ?? 1) : 1,
						},
					},
				},
				additionalNodes: [nativeFlowNode],
			};
		}
		case 'carousel': {
			const cards: proto.Message.IInteractiveMessage[] = [];
			for (const card of message.cards) {
				const head = await header(card.title, card.header, prepare);
				cards.push({
					...(head && { header: head }),
					body: { text: card.text },
					...(card.footer && { footer: { text: card.footer } }),
					nativeFlowMessage: { buttons: card.buttons.map(nativeFlowButton), messageVersion: 1 },
				});
			}
			return {
				content: {
					interactiveMessage: {
						body: { text: message.text },
						...(message.footer && { footer: { text: message.footer } }),
						carouselMessage: { cards, messageVersion: 1 },
					},
				},
				additionalNodes: [nativeFlowNode],
			};
		}
	}
}

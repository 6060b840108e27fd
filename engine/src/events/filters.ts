import { z } from 'zod';
import { lidOf, phoneOf, toJid } from '../lib/recipient.js';
import type { SessionSettings } from '../store/settings-repo.js';
import type { EngineEvent, NewEvent } from './types.js';

export const chatTypes = ['contact', 'group', 'channel', 'broadcast'] as const;

/**
 * What a subscriber (webhook or stream) wants to see besides the event types. The skip flags are the seed 002
 * session filters, the rest seed 004's webhook filters. Filters that look at a chat drop events without a chat;
 * filters that look at a message's content (`messageTypes`, `mentions`) drop events that are not messages.
 */
export const eventFilters = z
	.object({
		skipGroups: z.boolean().optional().describe('Drop events of group chats'),
		skipNewsletters: z.boolean().optional().describe('Drop events of newsletters (channels)'),
		skipBroadcasts: z.boolean().optional().describe('Drop events of broadcast lists and status updates'),
		skipOwnMessages: z.boolean().optional().describe('Drop messages sent by the session itself (fromMe)'),
		chatIds: z.array(z.string().min(1)).max(1000).optional().describe('Only these chats: phone numbers or JIDs'),
		chatTypes: z.array(z.enum(chatTypes)).optional().describe('Only these kinds of chat'),
		mentions: z
			.array(z.string().min(1))
			.max(100)
			.optional()
			.describe('Only messages mentioning one of these: phone numbers, JIDs, or "me" for the session\'s own account'),
		messageTypes: z.array(z.string().min(1)).optional().describe('Only messages of these content types: text, image, video, audio, document, sticker, reaction, ...'),
		onlyStatusUpdates: z.boolean().optional().describe('Only message status updates (message.receipt: delivered, read, played)'),
	})
	.strict()
	.describe('EventFilters');
export type EventFilters = z.infer<typeof eventFilters>;

/** Event type selection: exact types, `*` for all, or a prefix wildcard such as `message.*`. */
export const eventTypeList = z
	.array(z.string().regex(/^(\*|[a-zA-Z]+(\.[a-zA-Z]+)*(\.\*)?)$/, 'an event type such as message.received, a prefix such as message.*, or *'))
	.min(1)
	.max(100);

export function typeMatches(types: readonly string[], type: string): boolean {
	for (const wanted of types) {
		if (wanted === '*' || wanted === type) return true;
		if (wanted.endsWith('.*') && type.startsWith(wanted.slice(0, -1))) return true;
	}
	return false;
}

/** The account of a session, for the `me` mention filter. */
export type Me = { phone?: string; lid?: string } | undefined;

const chatTypeOf = (id: string): (typeof chatTypes)[number] => {
	if (id.endsWith('@g.us')) return 'group';
	if (id.endsWith('@newsletter')) return 'channel';
	if (id.endsWith('@broadcast')) return 'broadcast';
	return 'contact';
};

const isMessage = (event: EngineEvent) =>
	event.type === 'message.received' || event.type === 'message.sent' || event.type === 'message.reaction';

/** The message type a filter compares: a reaction event is of type `reaction`, like its message. */
const messageTypeOf = (event: EngineEvent) => (event.type === 'message.reaction' ? 'reaction' : String(event.data.type));

/** Keys a chat or person can be matched by: its JID, its phone number JID and its LID. */
const keysOf = (id: string | undefined, phone?: string, lid?: string) => {
	const keys = new Set<string>();
	if (id) keys.add(id);
	const p = phone ?? phoneOf(id);
	if (p) keys.add(`${p}@s.whatsapp.net`);
	const l = lid ?? lidOf(id);
	if (l) keys.add(l);
	return keys;
};

/**
 * A compiled filter: the user's chat ids normalised once, so matching an event is a few set lookups.
 * `resolveMe` is asked lazily, only when a `me` mention filter meets a message.
 */
export function compileFilter(types: readonly string[], filters: EventFilters, resolveMe: (session: string) => Me): (event: EngineEvent) => boolean {
	const chatIds = filters.chatIds?.length ? new Set(filters.chatIds.map(normaliseId)) : undefined;
	const chatTypeSet = filters.chatTypes?.length ? new Set<string>(filters.chatTypes) : undefined;
	const messageTypes = filters.messageTypes?.length ? new Set(filters.messageTypes) : undefined;
	const mentionsMe = filters.mentions?.some((m) => m.toLowerCase() === 'me') ?? false;
	const mentionIds = new Set((filters.mentions ?? []).filter((m) => m.toLowerCase() !== 'me').map(normaliseId));
	const wantsMentions = (filters.mentions?.length ?? 0) > 0;
	const chatFilters = Boolean(chatIds || chatTypeSet);

	return (event) => {
		if (!typeMatches(types, event.type)) return false;
		if (filters.onlyStatusUpdates && event.type !== 'message.receipt') return false;
		const chat = event.chat?.id;
		if (chat) {
			const kind = chatTypeOf(chat);
			if (filters.skipGroups && kind === 'group') return false;
			if (filters.skipNewsletters && kind === 'channel') return false;
			if (filters.skipBroadcasts && kind === 'broadcast') return false;
			if (chatTypeSet && !chatTypeSet.has(kind)) return false;
			if (chatIds && ![...keysOf(chat, event.chat?.phone, event.chat?.lid)].some((key) => chatIds.has(key))) return false;
		} else if (chatFilters) return false;
		if (filters.skipOwnMessages && event.data.fromMe === true) return false;
		if (messageTypes || wantsMentions) {
			if (!isMessage(event)) return false;
			if (messageTypes && !messageTypes.has(messageTypeOf(event))) return false;
			if (wantsMentions) {
				const mentioned = new Set<string>();
				for (const jid of (event.data.mentions as string[] | undefined) ?? []) for (const key of keysOf(normaliseId(jid))) mentioned.add(key);
				let hit = [...mentionIds].some((id) => mentioned.has(id));
				if (!hit && mentionsMe) {
					const me = resolveMe(event.session);
					hit = Boolean((me?.phone && mentioned.has(`${me.phone}@s.whatsapp.net`)) || (me?.lid && mentioned.has(lidOf(me.lid) ?? me.lid)));
				}
				if (!hit) return false;
			}
		}
		return true;
	};
}

/** A user's chat id as a JID without device suffix; values that are not addresses are kept as given. */
function normaliseId(value: string): string {
	try {
		return toJid(value);
	} catch {
		return value.trim();
	}
}

const ownMessageTypes = new Set(['message.sent', 'message.reaction', 'message.updated', 'message.revoked']);

/**
 * A session's settings applied to one of its events before it is logged: the skip settings drop it (it is then
 * neither stored nor listed, streamed or delivered), and skipMediaDownload marks received media so the WhatsApp
 * Trigger leaves it. `skipOwnMessages` drops what this account wrote on its other devices (the phone); what the
 * API sent is governed by API echo, and receipts of own messages still come.
 */
export function applySessionSettings(settings: SessionSettings, event: NewEvent): NewEvent | undefined {
	const kind = event.chat?.id ? chatTypeOf(event.chat.id) : undefined;
	if (settings.skipGroups && kind === 'group') return undefined;
	if (settings.skipNewsletters && kind === 'channel') return undefined;
	if (settings.skipBroadcasts && kind === 'broadcast') return undefined;
	if (settings.skipOwnMessages && ownMessageTypes.has(event.type) && event.data.fromMe === true && event.data.fromApi !== true) return undefined;
	const media = event.data.media as Record<string, unknown> | undefined;
	if (settings.skipMediaDownload && media && typeof media === 'object') return { ...event, data: { ...event.data, media: { ...media, skipDownload: true } } };
	return event;
}

import { z } from 'zod';
import { party } from '../../events/types.js';
import { defineOperation } from '../registry.js';
import { chatParams } from './schemas.js';

const isoTime = z.iso.datetime({ offset: true }).transform((value) => Date.parse(value));

export default defineOperation({
	resource: 'chat',
	name: 'getChatMessages',
	summary: "Read a chat's stored messages, newest first",
	description:
		"From the engine's store: messages sent and received while the engine ran and those history sync delivered, within `--message-retention-days`. Survives restarts.",
	method: 'get',
	path: '/api/sessions/{session}/chats/{chat}/messages',
	scope: 'session',
	params: chatParams,
	query: z.object({
		limit: z.coerce.number().int().min(1).max(500).default(50),
		offset: z.coerce.number().int().min(0).default(0),
		startTime: isoTime.optional().describe('ISO 8601; only messages at or after it'),
		endTime: isoTime.optional().describe('ISO 8601; only messages at or before it'),
		mediaOnly: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
		fromMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only sent (true) or only received (false) messages'),
		search: z.string().min(1).max(200).optional().describe('Text or caption contains this'),
	}),
	response: {
		schema: z.array(
			z
				.object({
					id: z.string(),
					chat: party,
					sender: party.optional().describe('Author of a received message'),
					fromMe: z.boolean(),
					timestamp: z.number().int().describe('Epoch ms'),
					status: z.string().optional().describe('server_ack, delivery_ack, read, played (own messages)'),
					type: z.string(),
					text: z.string().optional(),
					caption: z.string().optional(),
					media: z.record(z.string(), z.unknown()).optional(),
					quotedId: z.string().optional(),
				})
				.catchall(z.unknown())
				.describe('StoredMessage'),
		),
	},
	handler: ({ params, query, services }) => services.sessions.session(params.session).chats.messages(params.chat, query),
});

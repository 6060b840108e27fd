import { z } from 'zod';

export const EVENT_SCHEMA_VERSION = 1;

/** A chat or a person, as WhatsApp knows them: the normalised id, and the phone number and LID when known. */
export const party = z.object({
	id: z.string().describe('Normalised JID of the chat or person'),
	phone: z.string().optional().describe('Phone number, digits only'),
	lid: z.string().optional().describe('LID (…@lid)'),
	name: z.string().optional(),
});
export type Party = z.infer<typeof party>;

/** The public event envelope. `data` depends on `type`. */
export const engineEvent = z
	.object({
		id: z.string().describe('Stable id: the same WhatsApp occurrence always has the same id (deduplicate on it)'),
		seq: z.number().int().describe('Per-engine sequence number, strictly increasing in log order'),
		version: z.literal(EVENT_SCHEMA_VERSION),
		type: z.string(),
		session: z.string(),
		timestamp: z.number().int().describe('Epoch milliseconds'),
		chat: party.optional(),
		sender: party.optional(),
		data: z.record(z.string(), z.unknown()),
	})
	.describe('Event');
export type EngineEvent = z.infer<typeof engineEvent>;

/** An event before the log has given it a sequence number. */
export type NewEvent = Omit<EngineEvent, 'seq' | 'version'>;

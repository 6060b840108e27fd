import { z } from 'zod';
import { recipient, sessionId } from '../schemas.js';

/** A person: phone number or JID (…@s.whatsapp.net or …@lid); groups and channels are refused. */
export const userAddress = recipient
	.refine((jid) => jid.endsWith('@s.whatsapp.net') || jid.endsWith('@lid'), 'a phone number, a …@s.whatsapp.net JID or a …@lid LID')
	.describe('Phone number with country code (+49 151 2345678), phone-number JID (…@s.whatsapp.net) or LID (…@lid)');

/** A phone number in any common format (or its …@s.whatsapp.net JID). */
export const phoneAddress = recipient
	.refine((jid) => jid.endsWith('@s.whatsapp.net'), 'a phone number with country code or a …@s.whatsapp.net JID')
	.describe('Phone number with country code (+49 151 2345678) or …@s.whatsapp.net JID');

export const lidAddress = recipient.refine((jid) => jid.endsWith('@lid'), 'a LID such as 123456789012345@lid').describe('LID (…@lid)');

export const userDevice = z
	.object({
		id: z.number().int().describe('Device number: 0 is the phone, others are linked devices'),
		jid: z.string().describe('Device JID, e.g. 4915…:3@s.whatsapp.net'),
		kind: z.enum(['phone', 'companion', 'hosted']).describe('phone (primary), companion (web, desktop, tablet) or hosted (Cloud API); WhatsApp does not reveal a companion\'s browser or OS'),
	})
	.describe('UserDevice');

export const userInfo = z
	.object({
		jid: z.string().describe('The address asked for, normalised'),
		phone: z.string().optional().describe('Phone number (digits), when known'),
		lid: z.string().optional().describe('LID, when known'),
		exists: z.boolean().describe('The number has a WhatsApp account'),
		about: z.string().nullable().describe('About text; null when there is none or privacy settings hide it'),
		aboutSetAt: z.number().int().optional().describe('When the about text was set, epoch ms'),
		pictureUrl: z.string().nullable().describe('Profile picture thumbnail URL (expires); null when there is none or it is hidden'),
		devices: z.array(userDevice),
		business: z
			.object({
				description: z.string(),
				category: z.string().optional(),
				email: z.string().optional(),
				website: z.array(z.string()),
				address: z.string().optional(),
			})
			.nullable()
			.describe('Business profile of a WhatsApp Business account; null for personal accounts'),
	})
	.describe('UserInfo');

/** The path parameters of routes about one person. */
export const contactParams = z.object({ session: sessionId, contact: userAddress });

import { z } from 'zod';
import { party } from '../../events/types.js';
import { recipient, sessionId } from '../schemas.js';

/** A group as `…@g.us` or its bare id (`120363012345678901`); handlers receive the JID. */
export const groupId = z
	.string()
	.trim()
	.regex(/^\d+(-\d+)?(@g\.us)?$/i, 'a group JID (…@g.us) or the bare group id (digits)')
	.transform((value) => (value.toLowerCase().endsWith('@g.us') ? value.toLowerCase() : `${value}@g.us`))
	.describe('Group JID (…@g.us) or the bare group id');

export const groupParams = z.object({ session: sessionId, group: groupId });

export const participantList = z.array(recipient).min(1).max(1023).describe('Phone numbers or JIDs');

export const ephemeralDuration = z.enum(['24h', '7d', '90d', 'off']).describe('Disappearing-messages timer: 24h, 7d, 90d or off');

export const inviteInput = z.string().trim().min(6).max(300).describe('Invite link (https://chat.whatsapp.com/…) or just its code');

const groupParticipant = party.extend({ admin: z.enum(['admin', 'superadmin']).nullable().describe('superadmin = the creator') });

export const groupView = z
	.object({
		id: z.string().describe('Group JID (…@g.us)'),
		subject: z.string().describe('Group name'),
		subjectOwner: party.optional().describe('Who set the name'),
		subjectChangedAt: z.number().int().optional().describe('Epoch milliseconds'),
		description: z.string().optional(),
		descriptionId: z.string().optional(),
		owner: party.optional().describe('Creator'),
		createdAt: z.number().int().optional().describe('Epoch milliseconds'),
		size: z.number().int().describe('Number of members'),
		addressingMode: z.enum(['lid', 'pn']).describe('How WhatsApp addresses members in this group'),
		announce: z.boolean().describe('Only admins can send messages'),
		locked: z.boolean().describe('Only admins can edit the group info'),
		ephemeralSeconds: z.number().int().describe('Disappearing-messages timer, 0 = off'),
		joinApproval: z.boolean().describe('Admins approve people who join by link'),
		memberAddMode: z.enum(['all_members', 'admins']).describe('Who may add members'),
		isCommunity: z.boolean(),
		isCommunityAnnounce: z.boolean(),
		parentCommunity: z.string().optional().describe('Community the group belongs to'),
		participants: z.array(groupParticipant).optional().describe('Members (left out when not asked for or not visible)'),
	})
	.describe('Group');

export const participantOutcome = z
	.object({
		participant: party,
		status: z.number().int().describe("WhatsApp's status for this person: 200 ok, 403 privacy refuses, 404 unknown, 409 already member, ..."),
		ok: z.boolean(),
		message: z.string().optional().describe('What the status means and what to do'),
		invite: z
			.object({ code: z.string(), expiresAt: z.number().int().optional().describe('Epoch milliseconds') })
			.optional()
			.describe('On a 403 for add: the invitation to send instead'),
	})
	.describe('ParticipantOutcome');

const partOutcome = z.string().describe('ok, or failed: <reason>');

export const partOutcomes = z
	.object({
		subject: partOutcome.optional(),
		photo: partOutcome.optional(),
		description: partOutcome.optional(),
		locked: partOutcome.optional(),
		announce: partOutcome.optional(),
		ephemeral: partOutcome.optional(),
		joinApproval: partOutcome.optional(),
	})
	.describe('GroupChangeOutcomes');

export const groupOk = z.object({ ok: z.literal(true), group: z.string() }).describe('GroupOk');

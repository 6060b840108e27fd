import { getBinaryNodeChild, jidNormalizedUser, type GroupMetadata, type WASocket } from '@whiskeysockets/baileys';
import type { Party } from '../events/types.js';
import { badRequest, HttpError, notFound } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { toParty } from './baileys-events.js';
import { whatsapp } from './whatsapp-call.js';

export type GroupParticipant = Party & { admin: 'admin' | 'superadmin' | null };

/** A group as the engine reports it. Times are epoch milliseconds. */
export interface GroupView {
	id: string;
	subject: string;
	subjectOwner?: Party;
	subjectChangedAt?: number;
	description?: string;
	descriptionId?: string;
	owner?: Party;
	createdAt?: number;
	size: number;
	addressingMode: 'lid' | 'pn';
	announce: boolean;
	locked: boolean;
	ephemeralSeconds: number;
	joinApproval: boolean;
	memberAddMode: 'all_members' | 'admins';
	isCommunity: boolean;
	isCommunityAnnounce: boolean;
	parentCommunity?: string;
	participants?: GroupParticipant[];
}

export type ParticipantAction = 'add' | 'remove' | 'promote' | 'demote';

/** What happened to one person of a participants or join-request update, in WhatsApp's per-person status. */
export interface ParticipantOutcome {
	participant: Party;
	status: number;
	ok: boolean;
	message?: string;
	/** On a refused add: the invitation WhatsApp offers instead (send it with message.sendGroupInvite). */
	invite?: { code: string; expiresAt?: number };
}

export type EphemeralDuration = '24h' | '7d' | '90d' | 'off';

export const ephemeralSeconds: Record<EphemeralDuration, number> = { '24h': 86_400, '7d': 604_800, '90d': 7_776_000, off: 0 };

/** The settings a group can be given on creation or changed together. */
export interface GroupSettings {
	description?: string;
	locked?: boolean;
	announce?: boolean;
	ephemeral?: EphemeralDuration;
	joinApproval?: boolean;
}

export interface GroupChanges extends GroupSettings {
	subject?: string;
	photo?: Buffer;
}

/** `ok` or `failed: <reason>` for each part of a composite change that was asked for. */
export type PartOutcomes = Partial<Record<keyof GroupChanges, string>>;

export interface JoinResult {
	id: string;
	/** `joined`, or `requested` when the group's admins approve new members first. */
	status: 'joined' | 'requested';
}

export interface JoinRequest {
	participant: Party;
	method?: string;
	requestedAt?: number;
}

const INVITE_LINK = 'https://chat.whatsapp.com/';

/** `https://chat.whatsapp.com/AbC…` (with or without scheme, `invite/`, query) or the bare code → the code. */
export function inviteCodeOf(invite: string): string {
	const code = invite
		.trim()
		.replace(/^(https?:\/\/)?chat\.whatsapp\.com\/(invite\/)?/i, '')
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '');
	if (!/^[A-Za-z0-9_-]{6,64}$/.test(code)) throw badRequest(`"${invite}" is neither a group invite link (https://chat.whatsapp.com/…) nor an invite code.`);
	return code;
}

const statusMessages: Record<number, string> = {
	403: 'Their privacy settings do not allow adding them to groups: send them an invitation instead (message.sendGroupInvite, or the invite code given here).',
	404: 'Not a WhatsApp user, or not a member of this group.',
	408: 'They left the group recently and cannot be added again yet: send them an invitation instead.',
	409: 'Already a member of the group.',
	401: 'They blocked this account.',
	500: 'The group is full.',
};

/** WhatsApp's own error code: Baileys keeps it in `data` for IQ errors, in the status for some others. */
const codeOf = (error: unknown): number | undefined => {
	const boom = error as { data?: unknown; output?: { statusCode?: number } };
	return typeof boom.data === 'number' ? boom.data : boom.output?.statusCode;
};

/** Groups: metadata, members, invites, join requests, settings and photos. */
export class GroupActions {
	constructor(
		readonly sessionId: string,
		readonly socket: () => WASocket,
		readonly logger: Logger,
	) {}

	/** Every group this account is a member of. */
	async list(withParticipants: boolean): Promise<GroupView[]> {
		const groups = await whatsapp(() => this.socket().groupFetchAllParticipating());
		return Object.values(groups)
			.map((group) => viewOf(group, withParticipants))
			.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
	}

	async info(group: string): Promise<GroupView> {
		return viewOf(await this.call(group, () => this.socket().groupMetadata(group)), true);
	}

	/** Creates the group, then applies the optional admins and settings one by one, as the phone does. */
	async create(subject: string, participants: string[], extra: GroupSettings & { admins?: string[] } = {}): Promise<GroupView & { setup?: PartOutcomes & { admins?: ParticipantOutcome[] } }> {
		const socket = this.socket();
		const created = await whatsapp(() => socket.groupCreate(subject, participants));
		const { admins, ...settings } = extra;
		const setup: PartOutcomes & { admins?: ParticipantOutcome[] } = {};
		if (admins?.length) setup.admins = await this.updateParticipants(created.id, 'promote', admins);
		Object.assign(setup, await this.apply(created.id, settings));
		const group = Object.keys(setup).length ? await this.info(created.id) : viewOf(created, true);
		return { ...group, ...(Object.keys(setup).length && { setup }) };
	}

	async updateParticipants(group: string, action: ParticipantAction, participants: string[]): Promise<ParticipantOutcome[]> {
		const results = await this.call(group, () => this.socket().groupParticipantsUpdate(group, participants, action));
		return results.map(({ status, jid, content }) => {
			const code = Number(status);
			const request = getBinaryNodeChild(content, 'add_request');
			const participant = toParty(jid, content?.attrs.phone_number ?? content?.attrs.lid) ?? { id: String(jid) };
			return {
				participant,
				status: code,
				ok: code === 200,
				...(code !== 200 && { message: statusMessages[code] ?? `WhatsApp answered ${code}.` }),
				...(request?.attrs.code && { invite: { code: request.attrs.code, ...(request.attrs.expiration && { expiresAt: Number(request.attrs.expiration) * 1000 }) } }),
			};
		});
	}

	/** Joins by link or code; with membership approval on, WhatsApp files a request instead. */
	async join(invite: string): Promise<JoinResult> {
		const code = inviteCodeOf(invite);
		const socket = this.socket();
		const joined = await this.invite(() => socket.groupAcceptInvite(code));
		if (joined) return { id: joined, status: 'joined' };
		const group = await this.invite(() => socket.groupGetInviteInfo(code));
		return { id: group.id, status: 'requested' };
	}

	async inviteInfo(invite: string): Promise<GroupView> {
		const code = inviteCodeOf(invite);
		return viewOf(await this.invite(() => this.socket().groupGetInviteInfo(code)), false);
	}

	/** The group's invite link; `reset` revokes the current one first, so it stops working. */
	async inviteLink(group: string, reset: boolean): Promise<{ code: string; link: string }> {
		const socket = this.socket();
		const code = await this.call(group, () => (reset ? socket.groupRevokeInvite(group) : socket.groupInviteCode(group)));
		if (!code) throw new Error('WhatsApp answered without an invite code');
		return { code, link: `${INVITE_LINK}${code}` };
	}

	async joinRequests(group: string): Promise<JoinRequest[]> {
		const requests = await this.call(group, () => this.socket().groupRequestParticipantsList(group));
		return (requests as Array<Record<string, string | undefined>>).map((r) => ({
			participant: toParty(r.jid, r.phone_number ?? r.lid) ?? { id: String(r.jid) },
			...(r.request_method && { method: r.request_method }),
			...(r.request_time && { requestedAt: Number(r.request_time) * 1000 }),
		}));
	}

	async updateJoinRequests(group: string, action: 'approve' | 'reject', participants: string[]): Promise<ParticipantOutcome[]> {
		// WhatsApp answers with the group's addressing (LIDs) alone; the pending list knows their phone numbers.
		const pending = new Map((await this.joinRequests(group)).map((r) => [r.participant.id, r.participant]));
		const results = await this.call(group, () => this.socket().groupRequestParticipantsUpdate(group, participants, action));
		return results.map(({ status, jid }) => {
			const code = Number(status);
			return {
				participant: pending.get(jidNormalizedUser(jid)) ?? toParty(jid) ?? { id: String(jid) },
				status: code,
				ok: code === 200,
				...(code !== 200 && { message: code === 404 ? 'No pending join request from them.' : `WhatsApp answered ${code}.` }),
			};
		});
	}

	async leave(group: string): Promise<void> {
		await this.call(group, () => this.socket().groupLeave(group));
	}

	/** Sets the photo; Baileys crops it to a square and scales it to 640×640 JPEG as WhatsApp expects. */
	async setPhoto(group: string, image: Buffer): Promise<void> {
		await this.call(group, async () => {
			try {
				await this.socket().updateProfilePicture(group, image);
			} catch (error) {
				if (codeOf(error) !== undefined) throw error;
				throw badRequest(`The photo could not be read as an image (JPEG or PNG): ${(error as Error).message}`);
			}
		});
	}

	async removePhoto(group: string): Promise<void> {
		await this.call(group, () => this.socket().removeProfilePicture(group));
	}

	async setSubject(group: string, subject: string): Promise<void> {
		await this.call(group, () => this.socket().groupUpdateSubject(group, subject));
	}

	/** An empty description removes it. */
	async setDescription(group: string, description: string): Promise<void> {
		await this.call(group, () => this.socket().groupUpdateDescription(group, description || undefined));
	}

	async setLocked(group: string, locked: boolean): Promise<void> {
		await this.call(group, () => this.socket().groupSettingUpdate(group, locked ? 'locked' : 'unlocked'));
	}

	async setAnnounce(group: string, announce: boolean): Promise<void> {
		await this.call(group, () => this.socket().groupSettingUpdate(group, announce ? 'announcement' : 'not_announcement'));
	}

	async setEphemeral(group: string, duration: EphemeralDuration): Promise<void> {
		await this.call(group, () => this.socket().groupToggleEphemeral(group, ephemeralSeconds[duration]));
	}

	async setJoinApproval(group: string, on: boolean): Promise<void> {
		await this.call(group, () => this.socket().groupJoinApprovalMode(group, on ? 'on' : 'off'));
	}

	/**
	 * Several changes at once. WhatsApp takes each as its own request, so each part reports its own outcome and
	 * one refusal does not hide what the others did.
	 */
	async update(group: string, changes: GroupChanges): Promise<PartOutcomes> {
		const { subject, photo, ...settings } = changes;
		const outcomes: PartOutcomes = {};
		if (subject !== undefined) outcomes.subject = await outcome(() => this.setSubject(group, subject));
		if (photo !== undefined) outcomes.photo = await outcome(() => this.setPhoto(group, photo));
		return { ...outcomes, ...(await this.apply(group, settings)) };
	}

	private async apply(group: string, settings: GroupSettings): Promise<PartOutcomes> {
		const outcomes: PartOutcomes = {};
		const { description, locked, announce, ephemeral, joinApproval } = settings;
		if (description !== undefined) outcomes.description = await outcome(() => this.setDescription(group, description));
		if (locked !== undefined) outcomes.locked = await outcome(() => this.setLocked(group, locked));
		if (announce !== undefined) outcomes.announce = await outcome(() => this.setAnnounce(group, announce));
		if (ephemeral !== undefined) outcomes.ephemeral = await outcome(() => this.setEphemeral(group, ephemeral));
		if (joinApproval !== undefined) outcomes.joinApproval = await outcome(() => this.setJoinApproval(group, joinApproval));
		return outcomes;
	}

	/** A call about one group: WhatsApp's "item not found" is a 404 naming the group. */
	private call<T>(group: string, call: () => Promise<T>): Promise<T> {
		return whatsapp(async () => {
			try {
				return await call();
			} catch (error) {
				const code = codeOf(error);
				if (code === 404) throw notFound('group_not_found', `WhatsApp knows no group ${group} that this account can see.`);
				if (code === 401 || code === 403) {
					throw new HttpError(502, 'whatsapp_refused', `WhatsApp refused the request (${code} ${(error as Error).message}): this account is not a member of ${group}, or not an admin where that is needed.`);
				}
				throw error;
			}
		});
	}

	/** A call with an invite code: unknown, revoked or expired codes are a 404. */
	private invite<T>(call: () => Promise<T>): Promise<T> {
		return whatsapp(async () => {
			try {
				return await call();
			} catch (error) {
				const code = codeOf(error);
				if (code === 404 || code === 410) throw notFound('invite_not_found', 'This invite link or code is not valid (unknown, revoked or expired).');
				throw error;
			}
		});
	}
}

async function outcome(step: () => Promise<void>): Promise<string> {
	try {
		await step();
		return 'ok';
	} catch (error) {
		return `failed: ${(error as Error).message}`;
	}
}

function viewOf(group: GroupMetadata, withParticipants: boolean): GroupView {
	const millis = (seconds: number | undefined) => (seconds ? seconds * 1000 : undefined);
	const subjectOwner = toParty(group.subjectOwner, group.subjectOwnerPn);
	const owner = toParty(group.owner, group.ownerPn);
	return {
		id: jidNormalizedUser(group.id),
		subject: group.subject ?? '',
		...(subjectOwner && { subjectOwner }),
		...(millis(group.subjectTime) && { subjectChangedAt: millis(group.subjectTime) }),
		...(group.desc !== undefined && { description: group.desc }),
		...(group.descId && { descriptionId: group.descId }),
		...(owner && { owner }),
		...(millis(group.creation) && { createdAt: millis(group.creation) }),
		size: group.size ?? group.participants.length,
		addressingMode: group.addressingMode === 'lid' ? 'lid' : 'pn',
		announce: Boolean(group.announce),
		locked: Boolean(group.restrict),
		ephemeralSeconds: group.ephemeralDuration ?? 0,
		joinApproval: Boolean(group.joinApprovalMode),
		memberAddMode: group.memberAddMode ? 'all_members' : 'admins',
		isCommunity: Boolean(group.isCommunity),
		isCommunityAnnounce: Boolean(group.isCommunityAnnounce),
		...(group.linkedParent && { parentCommunity: group.linkedParent }),
		...(withParticipants && {
			participants: group.participants.map((p) => ({
				...(toParty(p.id, p.phoneNumber ?? p.lid) ?? { id: p.id }),
				admin: p.admin ?? null,
			})),
		}),
	};
}

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { ephemeralDuration, groupView, participantList, participantOutcome, partOutcomes } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'createGroup',
	summary: 'Create a group with the given members',
	description:
		'This account becomes the super admin. Optional settings are applied right after creation, each as its own WhatsApp request; `setup` reports each one (a refused setting does not undo the group).',
	method: 'post',
	path: '/api/sessions/{session}/groups',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			subject: z.string().min(1).max(100).describe('Group name'),
			participants: participantList.describe('Members to add (phone numbers or JIDs)'),
			description: z.string().max(2048).optional(),
			admins: participantList.optional().describe('Members to make admins (they must be among the participants)'),
			locked: z.boolean().optional().describe('Only admins can edit the group info'),
			announce: z.boolean().optional().describe('Only admins can send messages'),
			ephemeral: ephemeralDuration.optional(),
			joinApproval: z.boolean().optional().describe('Admins approve people who join by link'),
		})
		.strict(),
	response: {
		status: 201,
		schema: groupView.extend({
			setup: partOutcomes.extend({ admins: z.array(participantOutcome).optional() }).optional().describe('Outcome of each optional setting asked for'),
		}),
	},
	handler: ({ params, body, services }) => {
		const { subject, participants, ...extra } = body;
		return services.sessions.session(params.session).groups.create(subject, participants, extra);
	},
});

import { notSupported } from '../../lib/errors.js';
import { defineOperation } from '../registry.js';
import { groupParams } from './schemas.js';

export default defineOperation({
	resource: 'group',
	name: 'deleteGroup',
	summary: 'Delete a group: not possible on WhatsApp (always 422, with what to do instead)',
	method: 'delete',
	path: '/api/sessions/{session}/groups/{group}',
	scope: 'session',
	params: groupParams,
	// Never succeeds: the answer is always the 422 error below.
	response: { status: 422 },
	handler: ({ params, services }) => {
		services.sessions.session(params.session);
		throw notSupported(
			`WhatsApp has no way to delete a group; ${params.group} stays as long as it has members. To close it, remove every other member (updateGroupParticipants with action "remove") and then leave it (leaveGroup); to freeze it instead, turn on announce and locked and reset its invite link.`,
		);
	},
});

import { setFlag } from './common.js';

export default setFlag('setSkipGroups', 'skipGroups', {
	slug: 'skip-groups',
	summary: 'Turn dropping of group-chat events on or off',
	description:
		'On: events of group chats are dropped before the event log, so they are neither stored nor listed, streamed or delivered to webhooks. Applies to events from then on.',
});

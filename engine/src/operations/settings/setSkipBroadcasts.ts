import { setFlag } from './common.js';

export default setFlag('setSkipBroadcasts', 'skipBroadcasts', {
	slug: 'skip-broadcasts',
	summary: 'Turn dropping of broadcast-list and status events on or off',
	description:
		'On: events of broadcast lists and status updates (…@broadcast) are dropped before the event log: neither stored nor listed, streamed or delivered.',
});

import { setFlag } from './common.js';

export default setFlag('setSkipNewsletters', 'skipNewsletters', {
	slug: 'skip-newsletters',
	summary: 'Turn dropping of newsletter (channel) events on or off',
	description:
		'On: events of newsletters (channels, …@newsletter) are dropped before the event log: neither stored nor listed, streamed or delivered.',
});

import { setFlag } from './common.js';

export default setFlag('setSkipOwnMessages', 'skipOwnMessages', {
	slug: 'skip-own-messages',
	summary: 'Turn dropping of own messages sent from other devices on or off',
	description:
		'On: messages (and reactions, edits, deletes) this account sends from the phone or other linked devices are dropped before the event log. Messages sent through the API follow the API echo setting instead, and receipts of own messages still come.',
});

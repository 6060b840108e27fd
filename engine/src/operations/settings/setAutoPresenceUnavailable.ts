import { setFlag } from './common.js';

export default setFlag('setAutoPresenceUnavailable', 'autoPresenceUnavailable', {
	slug: 'auto-presence-unavailable',
	summary: 'Turn automatic "unavailable" presence on or off',
	description:
		'On: after every connect (as soon as WhatsApp has told the session its profile name) and after each send, the session sends presence `unavailable`, so the phone keeps receiving push notifications while the engine is connected.',
});

import type { AnyOperation } from '../registry.js';
import getApiEcho from './getApiEcho.js';
import getAutoPresenceUnavailable from './getAutoPresenceUnavailable.js';
import getCallAutoReject from './getCallAutoReject.js';
import getGlobalTransportSkips from './getGlobalTransportSkips.js';
import getSkipBroadcasts from './getSkipBroadcasts.js';
import getSkipGroups from './getSkipGroups.js';
import getSkipMediaDownload from './getSkipMediaDownload.js';
import getSkipNewsletters from './getSkipNewsletters.js';
import getSkipOwnMessages from './getSkipOwnMessages.js';
import setApiEcho from './setApiEcho.js';
import setAutoPresenceUnavailable from './setAutoPresenceUnavailable.js';
import setCallAutoReject from './setCallAutoReject.js';
import setGlobalTransportSkips from './setGlobalTransportSkips.js';
import setProxy from './setProxy.js';
import setSkipBroadcasts from './setSkipBroadcasts.js';
import setSkipGroups from './setSkipGroups.js';
import setSkipMediaDownload from './setSkipMediaDownload.js';
import setSkipNewsletters from './setSkipNewsletters.js';
import setSkipOwnMessages from './setSkipOwnMessages.js';

/** The settings resource's operations, in the order the docs list them. */
export const settingsOperations: AnyOperation[] = [
	setApiEcho,
	getApiEcho,
	setSkipMediaDownload,
	getSkipMediaDownload,
	setSkipGroups,
	getSkipGroups,
	setSkipNewsletters,
	getSkipNewsletters,
	setSkipBroadcasts,
	getSkipBroadcasts,
	setSkipOwnMessages,
	getSkipOwnMessages,
	setCallAutoReject,
	getCallAutoReject,
	setGlobalTransportSkips,
	getGlobalTransportSkips,
	setAutoPresenceUnavailable,
	getAutoPresenceUnavailable,
	setProxy,
];

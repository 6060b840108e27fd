import { getFlag } from './common.js';

export default getFlag('getAutoPresenceUnavailable', 'autoPresenceUnavailable', { slug: 'auto-presence-unavailable', summary: 'Get whether the session goes unavailable automatically' });

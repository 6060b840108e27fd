import { getFlag } from './common.js';

export default getFlag('getSkipBroadcasts', 'skipBroadcasts', { slug: 'skip-broadcasts', summary: 'Get whether broadcast-list and status events are dropped' });

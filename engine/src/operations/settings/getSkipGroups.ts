import { getFlag } from './common.js';

export default getFlag('getSkipGroups', 'skipGroups', { slug: 'skip-groups', summary: 'Get whether group-chat events are dropped' });

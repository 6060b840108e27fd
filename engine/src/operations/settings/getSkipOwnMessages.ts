import { getFlag } from './common.js';

export default getFlag('getSkipOwnMessages', 'skipOwnMessages', { slug: 'skip-own-messages', summary: 'Get whether own messages from other devices are dropped' });

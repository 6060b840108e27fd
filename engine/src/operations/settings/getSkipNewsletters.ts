import { getFlag } from './common.js';

export default getFlag('getSkipNewsletters', 'skipNewsletters', { slug: 'skip-newsletters', summary: 'Get whether newsletter events are dropped' });

import { getFlag } from './common.js';

export default getFlag('getApiEcho', 'apiEcho', { slug: 'api-echo', summary: 'Get whether API echo is on' });

import { getFlag } from './common.js';

export default getFlag('getSkipMediaDownload', 'skipMediaDownload', { slug: 'skip-media-download', summary: 'Get whether media downloads for events are skipped' });

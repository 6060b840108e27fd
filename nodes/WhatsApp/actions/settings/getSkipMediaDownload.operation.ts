import { getter } from './fields';

export const { route, description, execute } = getter('getSkipMediaDownload', 'skip-media-download');

import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setSkipMediaDownload', 'skip-media-download', 'Skip Media Download', 'Whether the WhatsApp Trigger leaves received media undownloaded (events mark it with media.skipDownload)');

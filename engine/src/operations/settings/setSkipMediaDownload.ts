import { setFlag } from './common.js';

export default setFlag('setSkipMediaDownload', 'skipMediaDownload', {
	slug: 'skip-media-download',
	summary: 'Turn skipping of media downloads for events on or off',
	description:
		'The engine itself never downloads received media; the WhatsApp Trigger does when its Attach Media option is on. With this setting on, media events carry `media.skipDownload: true` and the trigger leaves the file on WhatsApp (the item has no binary data). Downloading on request (media.downloadMedia) keeps working.',
});

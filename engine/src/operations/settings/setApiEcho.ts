import { setFlag } from './common.js';

export default setFlag('setApiEcho', 'apiEcho', {
	slug: 'api-echo',
	summary: 'Turn API echo on or off',
	description:
		"On (the default): every message sent through the API is logged as a message.sent event with `fromApi: true`. Off: API sends produce no event. A send's own `echo` option wins over this setting.",
});

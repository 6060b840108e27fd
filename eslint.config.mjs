// n8n's community-node lint (the config `n8n-node lint` uses), applied only to what ships: nodes/, credentials/ and
// package.json. The engine, the runner and the tests are not community-node code (they need node:*, n8n-core,
// process, timers), so they are ignored here. This is why package.json keeps "n8n.strict": false: in strict mode
// `n8n-node lint` insists on the default config, which lints every .ts file in the repository.
import { config } from '@n8n/node-cli/eslint';

export default [
	{
		ignores: ['**', '!nodes/', '!nodes/**', '!credentials/', '!credentials/**', '!package.json'],
	},
	...config,
];

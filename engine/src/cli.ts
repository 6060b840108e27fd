#!/usr/bin/env node
import { ConfigError, helpText, loadConfig } from './config.js';

async function main(): Promise<void> {
	let loaded;
	try {
		loaded = loadConfig(process.argv.slice(2), process.env);
	} catch (error) {
		if (error instanceof ConfigError) {
			process.stderr.write(`${error.message}\n`);
			process.exit(2);
		}
		throw error;
	}
	if (loaded.help) {
		process.stdout.write(`${helpText()}\n`);
		return;
	}
	// Loaded only now: Baileys takes a moment to import, and --help or a config error should not wait for it.
	const { startEngine } = await import('./engine.js');
	const engine = await startEngine(loaded.config);
	process.stdout.write(`WhatsApp engine listening on ${engine.url}  (API docs: ${engine.url}/docs)\n`);
	if (engine.generatedAdminKey) {
		process.stdout.write(
			`Admin API key (shown once, store it now): ${engine.generatedAdminKey}\n` +
				'Send it as the X-Api-Key header. To choose your own, start with --api-key or WA_ENGINE_API_KEY.\n',
		);
	}

	const shutdown = (signal: NodeJS.Signals) => {
		engine.logger.info({ signal }, 'shutting down');
		engine.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				engine.logger.error({ err: error }, 'shutdown failed');
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	process.stderr.write(`The engine failed to start: ${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});

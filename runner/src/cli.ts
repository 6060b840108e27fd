import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runWorkflow } from './index';
import { failureOf, loadWorkflowFolder, readWorkflowFile, serve } from './serve';

/** The built community package (its package.json lists dist/nodes and dist/credentials). */
export const PACKAGE_DIR = path.resolve(__dirname, '../..');

const USAGE = `Usage (npm run runner -- …, or node runner/dist/cli.js …):
  run <workflow.json> [--input items.json] [--start <node name>]
  serve <folder> [--state <file>]

Options (both commands):
  --credentials <file>  JSON object of credential data keyed by credential type (e.g. "whatsAppEngineApi")
                        and/or by the credential id the workflow's nodes name
  --nodes <dir>         another n8n node package folder to load nodes from (repeatable)

Environment: WA_ENGINE_URL, WA_ENGINE_API_KEY and WA_ENGINE_SESSION (default session) make up the
"whatsAppEngineApi" credential when the credentials file has none.

run    runs the workflow once: the input items (a JSON array of objects or of {"json": …} items; default one
       empty item) are the output of the start node (default: its trigger), and prints the items the last node
       produced as JSON. Exits 1 when the workflow fails.
serve  loads every *.json workflow of the folder and starts each one whose WhatsApp Trigger matches an engine
       event, read from the engine's event stream. --state keeps the position, so a restart resumes after the last
       event handled.`;

/** Credentials from `--credentials`, completed from the environment for the engine credential. */
function loadCredentials(file: string | undefined, env: NodeJS.ProcessEnv = process.env): Record<string, ICredentialDataDecryptedObject> {
	const credentials: Record<string, ICredentialDataDecryptedObject> = file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, ICredentialDataDecryptedObject>) : {};
	if (!credentials.whatsAppEngineApi && env.WA_ENGINE_URL) {
		credentials.whatsAppEngineApi = { baseUrl: env.WA_ENGINE_URL, apiKey: env.WA_ENGINE_API_KEY ?? '', defaultSession: env.WA_ENGINE_SESSION ?? '' };
	}
	return credentials;
}

function readItems(file: string | undefined): INodeExecutionData[] | undefined {
	if (!file) return undefined;
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.map((entry) => {
		const item = entry as IDataObject;
		return item && typeof item.json === 'object' && item.json !== null ? (item as unknown as INodeExecutionData) : { json: item };
	});
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			input: { type: 'string' },
			start: { type: 'string' },
			state: { type: 'string' },
			credentials: { type: 'string' },
			nodes: { type: 'string', multiple: true },
			help: { type: 'boolean', short: 'h' },
		},
	});
	const [command, target] = positionals;
	if (values.help || !command || !target || !['run', 'serve'].includes(command)) {
		process.stdout.write(`${USAGE}\n`);
		return values.help ? 0 : 2;
	}
	process.env.N8N_LOG_LEVEL ??= 'silent';
	const packageDirs = [PACKAGE_DIR, ...(values.nodes ?? []).map((dir) => path.resolve(dir))];
	const credentials = loadCredentials(values.credentials);

	if (command === 'run') {
		const result = await runWorkflow({
			packageDirs,
			workflow: readWorkflowFile(target),
			credentials,
			triggerItems: readItems(values.input),
			startNodeName: values.start,
		});
		const failure = failureOf(result);
		if (failure) {
			process.stderr.write(`Workflow failed${failure.node ? ` in node "${failure.node}"` : ''}: ${failure.message}\n`);
			return 1;
		}
		const last = result.run.data.resultData.lastNodeExecuted;
		const items = last ? result.output(last) : [];
		process.stdout.write(`${JSON.stringify(items.map((item) => item.json), null, 2)}\n`);
		return 0;
	}

	const server = await serve({
		workflows: loadWorkflowFolder(target),
		packageDirs,
		credentials,
		statePath: values.state,
		log: (line) => process.stdout.write(`${line}\n`),
	});
	for (const trigger of server.triggers) {
		process.stdout.write(`"${trigger.workflow}" / ${trigger.node}: session ${trigger.session}, ${decodeURIComponent(trigger.query)}\n`);
	}
	await server.ready;
	process.stdout.write(`Serving ${server.triggers.length} trigger(s); Ctrl+C stops.\n`);
	await new Promise<void>((resolve) => {
		process.once('SIGINT', resolve);
		process.once('SIGTERM', resolve);
	});
	await server.close();
	return 0;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error: Error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		},
	);
}

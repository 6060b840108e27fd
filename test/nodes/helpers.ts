import { fileURLToPath } from 'node:url';
import type { IConnections, IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { runWorkflow, type RunResult } from '../../runner/dist/index.js';
import { ADMIN_KEY, startTestEngine, type TestEngine } from '../helpers/engine.js';

/** The repository root: its package.json lists the built node and credential in dist/. */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export const NODE_TYPE = 'n8n-nodes-whatsapp-engine.whatsApp';

// n8n-core writes its settings into N8N_USER_FOLDER (the runner picks a temp folder) and logs errors unless muted.
process.env.N8N_LOG_LEVEL ??= 'silent';

/** A real engine (SQLite in a temp folder, ephemeral port) whose sessions cannot reach WhatsApp. */
export const startEngine = (): Promise<TestEngine> => startTestEngine({ sandbox: false });

export const credentialsFor = (engine: TestEngine, extra: IDataObject = {}) => ({
	whatsAppEngineApi: { baseUrl: engine.url, apiKey: ADMIN_KEY, defaultSession: '', ...extra },
});

/** A session resource locator value, as the n8n editor stores "By ID". */
export const sessionById = (id: string) => ({ __rl: true, mode: 'id', value: id });

export const whatsAppNode = (parameters: IDataObject, extra: Partial<INode> = {}): INode => ({
	id: `node-${String(extra.name ?? 'WhatsApp')}`,
	name: 'WhatsApp',
	type: NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: parameters as INodeParameters,
	...extra,
});

/** Runs a workflow of one WhatsApp node, started with `items` as its input. */
export async function runNode(
	engine: TestEngine,
	parameters: IDataObject,
	{ items, node = {}, credentials }: { items?: INodeExecutionData[]; node?: Partial<INode>; credentials?: IDataObject } = {},
): Promise<RunResult & { items: INodeExecutionData[] }> {
	const whatsApp = whatsAppNode(parameters, node);
	const result = await runWorkflow({
		packageDirs: [PACKAGE_DIR],
		workflow: { nodes: [whatsApp], connections: {} },
		credentials: credentialsFor(engine, credentials),
		triggerItems: items,
	});
	return { ...result, items: result.output(whatsApp.name) };
}

/** Runs several WhatsApp nodes wired one after the other. */
export async function runChain(engine: TestEngine, nodes: INode[], items?: INodeExecutionData[]): Promise<RunResult> {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return await runWorkflow({ packageDirs: [PACKAGE_DIR], workflow: { nodes, connections }, credentials: credentialsFor(engine), triggerItems: items });
}

/** The error a failed run ended with, as n8n records it. */
export const runError = (result: RunResult) => result.run.data.resultData.error as (Error & { httpCode?: string | null; description?: string; name: string }) | undefined;

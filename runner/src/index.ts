import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { PackageDirectoryLoader } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { InMemoryCredentialsHelper, applyAuthentication } from './credentials-helper';
import { LocalNodeTypes, loadPackageDirectory } from './node-types';

export { InMemoryCredentialsHelper } from './credentials-helper';
export { LocalNodeTypes, UnknownNodeTypeError } from './node-types';

/** The workflow as exported by n8n; `id`, `active` and the like are optional here. */
export type WorkflowInput = Pick<IWorkflowBase, 'nodes' | 'connections'> & Partial<IWorkflowBase>;

export interface RunOptions {
	/** Folders with a package.json whose `n8n` block lists built nodes and credentials (the repository root). */
	packageDirs: string[];
	workflow: WorkflowInput;
	/**
	 * Decrypted credential data keyed by credential TYPE name, e.g. `{ whatsAppEngineApi: { baseUrl, apiKey } }`,
	 * and/or by the credential id a node of the workflow names.
	 */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items of the start node (default: one empty item). */
	triggerItems?: INodeExecutionData[];
	/** `trigger` by default; `manual` runs `trigger()` nodes until their first emit. */
	mode?: WorkflowExecuteMode;
	/** The node to start at; default: the workflow's trigger, else the first node without parents. */
	startNodeName?: string;
}

export interface RunResult {
	run: IRun;
	/** Names of the nodes in the order they finished. */
	order: string[];
	/** The items a node produced on its first output in its first run (empty when it did not run). */
	output(nodeName: string): INodeExecutionData[];
}

const loaderCache = new Map<string, Promise<PackageDirectoryLoader>>();

async function loadPackage(dir: string): Promise<PackageDirectoryLoader> {
	const resolved = path.resolve(dir);
	let loading = loaderCache.get(resolved);
	if (!loading) {
		loading = loadPackageDirectory(resolved);
		loaderCache.set(resolved, loading);
		loading.catch(() => loaderCache.delete(resolved));
	}
	return await loading;
}

/** Loads the packages' built nodes and credentials (cached per folder for the life of the process). */
export async function loadNodeTypes(packageDirs: string[]): Promise<LocalNodeTypes> {
	return new LocalNodeTypes(await Promise.all(packageDirs.map(loadPackage)));
}

/** n8n-core writes its instance settings (with a generated encryption key) under N8N_USER_FOLDER. */
function ensureUserFolder() {
	process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-runner-'));
}

/** Gives every node the credentials it declares and the run provides, unless the workflow names them already. */
function attachCredentials(nodes: INode[], nodeTypes: LocalNodeTypes, provided: Record<string, unknown>): INode[] {
	return nodes.map((node) => {
		const declared = nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.credentials ?? [];
		const credentials = { ...node.credentials };
		for (const { name } of declared) {
			if (provided[name] && !credentials[name]) credentials[name] = { id: name, name };
		}
		return { ...node, credentials };
	});
}

const URLS = {
	restApiUrl: 'http://127.0.0.1/rest',
	instanceBaseUrl: 'http://127.0.0.1/',
	formBaseUrl: 'http://127.0.0.1/form',
	formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
	formTestBaseUrl: 'http://127.0.0.1/form-test',
	webhookBaseUrl: 'http://127.0.0.1/webhook',
	webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
	webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
	mcpBaseUrl: 'http://127.0.0.1/mcp',
	mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
};

/**
 * Runs a workflow headlessly with n8n-core's WorkflowExecute: no database, no n8n server. The start node receives
 * `triggerItems` as its input, so a workflow may start directly at an action node.
 */
export async function runWorkflow(opts: RunOptions): Promise<RunResult> {
	ensureUserFolder();
	const nodeTypes = await loadNodeTypes(opts.packageDirs);
	const provided = opts.credentials ?? {};
	const credentialsHelper = new InMemoryCredentialsHelper(nodeTypes, provided);
	const { connections, settings, staticData, id, name } = opts.workflow;
	nodeTypes.assertAvailable(opts.workflow.nodes);
	const nodes = attachCredentials(opts.workflow.nodes, nodeTypes, provided);
	const workflow = new Workflow({
		id: id ?? 'headless',
		name,
		nodes,
		connections,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1', ...(settings ?? {}) },
		active: false,
	});

	const mode: WorkflowExecuteMode = opts.mode ?? 'trigger';
	const executionId = String(Date.now());
	const hooks = new ExecutionLifecycleHooks(mode, executionId, { ...opts.workflow, nodes } as IWorkflowBase);
	const order: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		order.push(nodeName);
	});
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = {
		...URLS,
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the headless runner');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not available in the headless runner');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	if (opts.startNodeName && !workflow.getNode(opts.startNodeName)) throw new Error(`The workflow has no node named "${opts.startNodeName}"`);
	// getStartNode() knows trigger() and polling nodes only; a webhook trigger is still the entry of its workflow.
	const roots = Object.values(workflow.nodes).filter((node) => !node.disabled && workflow.getParentNodes(node.name).length === 0);
	const startNode =
		(opts.startNodeName ? workflow.getNode(opts.startNodeName) : null) ??
		workflow.getStartNode() ??
		roots.find((node) => nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description.group.includes('trigger')) ??
		roots[0];
	if (!startNode) throw new Error('Workflow has no start node');
	const stack: IExecuteData[] = [{ node: startNode, data: { main: [opts.triggerItems ?? [{ json: {} }]] }, source: null }];
	const runExecutionData = createRunExecutionData({ executionData: { nodeExecutionStack: stack } });
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	return {
		run,
		order,
		output: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
	};
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	statusCode?: number;
}

/**
 * Runs a credential type's `test.request` the way n8n's "Test" button does: expressions over `$credentials`
 * resolved, the credential's `authenticate` applied, success on a 2xx answer.
 */
export async function testCredential(
	packageDirs: string[],
	typeName: string,
	credentials: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	ensureUserFolder();
	const nodeTypes = await loadNodeTypes(packageDirs);
	const test = nodeTypes.getCredentialType(typeName).test;
	if (!test) throw new Error(`Credential type "${typeName}" has no test request`);

	// Expressions need a workflow and a node to be evaluated against; any loaded node type will do.
	const [nodeType] = Object.keys(nodeTypes.getKnownTypes());
	if (!nodeType) throw new Error('No node type loaded to evaluate the test request with');
	const node: INode = { id: 'credential-test', name: 'Credential Test', type: nodeType, typeVersion: 1, parameters: {}, position: [0, 0] };
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const resolve = (value: unknown) =>
		typeof value === 'string'
			? String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '') ?? '')
			: value;

	const request = test.request;
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		url: String(resolve(request.url ?? '')),
		baseURL: request.baseURL ? String(resolve(request.baseURL)) : undefined,
		headers: { ...(request.headers ?? {}) },
		qs: { ...(request.qs ?? {}) },
	};
	await applyAuthentication(nodeTypes, credentials, typeName, options, (value, creds) =>
		String(workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: creds }, undefined, '') ?? ''),
	);

	// Like axios: the base URL and the path are joined, so a base URL with a path prefix keeps it.
	const url = new URL(
		options.baseURL ? `${options.baseURL.replace(/\/+$/, '')}/${options.url.replace(/^\/+/, '')}` : options.url,
	);
	for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
	try {
		const response = await fetch(url, {
			method: options.method,
			headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, String(v)])),
		});
		await response.arrayBuffer();
		return response.ok
			? { status: 'OK', message: 'Connection tested successfully', statusCode: response.status }
			: { status: 'Error', message: `Authorization failed: HTTP ${response.status}`, statusCode: response.status };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
export { startTriggerHost } from './trigger-host';
export type { HostedRequest, TriggerHost, TriggerHostOptions, WebhookKind } from './trigger-host';
export { failureOf, loadWorkflowFolder, readWorkflowFile, serve } from './serve';
export type { RunFailure, RunningServer, ServedRun, ServeOptions, WorkflowFile } from './serve';

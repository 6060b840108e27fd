import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import { followEventStream } from './event-stream';
import { loadNodeTypes, runWorkflow, type RunResult, type WorkflowInput } from './index';
import { startTriggerHost, type TriggerHost } from './trigger-host';

/** The node (`description.name`) that `serve` starts workflows from. */
const TRIGGER_NAME = 'whatsAppTrigger';
const CREDENTIAL_TYPE = 'whatsAppEngineApi';

export interface WorkflowFile {
	/** Where it came from (a file name); names the workflow when it has no `name`. */
	source: string;
	workflow: WorkflowInput;
}

/** Reads every `*.json` in `folder` as an exported n8n workflow. */
export function loadWorkflowFolder(folder: string): WorkflowFile[] {
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ source: file, workflow: readWorkflowFile(path.join(folder, file)) }));
}

export function readWorkflowFile(file: string): WorkflowInput {
	let parsed: WorkflowInput;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8')) as WorkflowInput;
	} catch (error) {
		throw new Error(`${file}: not a workflow JSON file (${(error as Error).message})`);
	}
	if (!Array.isArray(parsed.nodes) || typeof parsed.connections !== 'object') throw new Error(`${file}: not an n8n workflow (no "nodes" and "connections")`);
	return parsed;
}

/** Why a run failed: the failing node (when n8n recorded one) and the message. */
export interface RunFailure {
	node?: string;
	message: string;
}

export function failureOf(result: RunResult): RunFailure | undefined {
	if (result.run.status !== 'error' && !result.run.data.resultData.error) return undefined;
	const error = result.run.data.resultData.error as (Error & { node?: INode; description?: string | null }) | undefined;
	const message = error?.message ?? 'the workflow failed';
	const detail = error?.description && error.description !== message ? ` (${error.description})` : '';
	// Errors of the workflow as a whole (e.g. a node with invalid parameters) name their nodes in the message.
	return { ...(error?.node && { node: error.node.name }), message: `${message}${detail}` };
}

/** One event a trigger handed to its workflow. */
export interface ServedRun {
	workflow: string;
	trigger: string;
	event: { id: string; seq: number; type: string; session: string };
	status: 'success' | 'error';
	error?: RunFailure;
	result?: RunResult;
}

export interface ServeOptions {
	workflows: WorkflowFile[];
	/** Package folders to load nodes from (the built package first). */
	packageDirs: string[];
	/** Keyed by credential type and/or id, as for `runWorkflow`. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** A JSON file keeping each trigger's last handled event, so a restart resumes after it. */
	statePath?: string;
	log?: (line: string) => void;
	onRun?: (run: ServedRun) => void;
}

export interface RunningServer {
	/** Resolves once every trigger's event stream is open. */
	ready: Promise<void>;
	/** Each trigger: its workflow, node name, session and the stream's filters. */
	triggers: Array<{ workflow: string; node: string; session: string; query: string }>;
	/** Stops reading events (a workflow already running finishes first). */
	close(): Promise<void>;
}

interface State {
	cursors: Record<string, number>;
}

function readState(statePath: string | undefined): State {
	if (!statePath || !existsSync(statePath)) return { cursors: {} };
	const state = JSON.parse(readFileSync(statePath, 'utf8')) as Partial<State>;
	return { cursors: state.cursors ?? {} };
}

/** Written to a temp file and renamed, so a crash mid-write never leaves a torn state file behind. */
function writeState(statePath: string | undefined, state: State) {
	if (!statePath) return;
	const temp = `${statePath}.${process.pid}.tmp`;
	writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
	renameSync(temp, statePath);
}

/** The trigger's filter collection as the stream's query takes it: lists comma-separated, flags `true`. */
function filterQuery(filters: IDataObject): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [key, value] of Object.entries(filters)) {
		const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
		const parts = list.map((part) => part.trim()).filter(Boolean);
		if (value === true) query[key] = 'true';
		else if (parts.length) query[key] = parts.join(',');
	}
	return query;
}

/**
 * Serves workflows that start with a WhatsApp Trigger: one engine event stream per trigger, filtered by the
 * engine exactly as the trigger's webhook subscription would be (session, event types, filters), each event
 * turned into items by the trigger node's own `webhook()` and run through the workflow, one at a time and in order.
 *
 * The stream rather than webhooks: it needs no address the engine can reach, leaves no subscription behind at
 * the engine when the server goes away, and resumes exactly after the last event handled (`Last-Event-ID`, kept
 * in `statePath`), whereas a webhook is acknowledged before its workflow runs and backs off while nobody listens.
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
	const log = options.log ?? (() => undefined);
	const nodeTypes = await loadNodeTypes(options.packageDirs);
	const state = readState(options.statePath);
	const abort = new AbortController();
	const hosts: TriggerHost[] = [];
	const streams: Array<Promise<void>> = [];
	const opened: Array<Promise<void>> = [];
	const triggers: RunningServer['triggers'] = [];

	try {
		for (const { source, workflow } of options.workflows) {
			nodeTypes.assertAvailable(workflow.nodes);
			const label = workflow.name ?? source;
			// By name and credential: n8n-nodes-base has a `whatsAppTrigger` too (for Meta's Cloud API).
			const isOurTrigger = (node: INode) => {
				const { description } = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
				return description.name === TRIGGER_NAME && (description.credentials ?? []).some((c) => c.name === CREDENTIAL_TYPE);
			};
			const triggerNodes = workflow.nodes.filter((node) => !node.disabled && isOurTrigger(node));
			if (triggerNodes.length === 0) log(`"${label}": no WhatsApp Trigger, not served`);
			for (const node of triggerNodes) {
				const host = await startTriggerHost({ packageDirs: options.packageDirs, node, credentials: options.credentials });
				hosts.push(host);
				const subscription = await host.evaluate(async (context) => {
					const credentials = await context.getCredentials<{ baseUrl: string; apiKey: string; defaultSession?: string }>(CREDENTIAL_TYPE);
					const chosen = String(context.getNodeParameter('session', '', { extractValue: true }) ?? '').trim();
					return {
						session: chosen || String(credentials.defaultSession ?? '').trim(),
						events: context.getNodeParameter('events', ['message.received']) as string[],
						filters: context.getNodeParameter('filters', {}) as IDataObject,
						baseUrl: String(credentials.baseUrl).replace(/\/+$/, ''),
						apiKey: String(credentials.apiKey),
					};
				});
				if (!subscription.session) {
					throw new Error(`"${label}": the trigger "${node.name}" names no session and its credential has no default session; serve reads one session's event stream`);
				}
				const query = new URLSearchParams({ types: subscription.events.join(','), ...filterQuery(subscription.filters) }).toString();
				const key = `${workflow.id ?? source}/${node.name}`;
				triggers.push({ workflow: label, node: node.name, session: subscription.session, query });

				let markOpen!: () => void;
				opened.push(new Promise<void>((resolve) => (markOpen = resolve)));
				const handle = async (seq: number, data: string) => {
					const event = JSON.parse(data) as IDataObject & ServedRun['event'];
					const served: ServedRun = { workflow: label, trigger: node.name, event: { id: event.id, seq, type: event.type, session: event.session }, status: 'success' };
					try {
						const delivered = await host.deliverEvent(event);
						if (delivered.status !== 200) throw new Error(`the trigger answered HTTP ${delivered.status}`);
						if (delivered.items.length > 0) {
							const result = await runWorkflow({
								packageDirs: options.packageDirs,
								workflow,
								credentials: options.credentials,
								triggerItems: delivered.items,
								startNodeName: node.name,
							});
							served.result = result;
							served.error = failureOf(result);
						}
					} catch (error) {
						served.error = { node: node.name, message: (error as Error).message };
					}
					state.cursors[key] = seq;
					writeState(options.statePath, state);
					if (served.error) {
						served.status = 'error';
						log(`"${label}" ← ${event.type} #${seq}: failed${served.error.node ? ` in node "${served.error.node}"` : ''}: ${served.error.message}`);
					} else log(`"${label}" ← ${event.type} #${seq}: done`);
					options.onRun?.(served);
				};
				streams.push(
					followEventStream({
						url: `${subscription.baseUrl}/api/sessions/${encodeURIComponent(subscription.session)}/events/stream?${query}`,
						headers: { 'x-api-key': subscription.apiKey },
						cursor: () => state.cursors[key],
						onOpen: (startSeq) => {
							// A first start stores where it began, so a restart also catches what came while it was down.
							if (state.cursors[key] === undefined && startSeq !== undefined) {
								state.cursors[key] = startSeq;
								writeState(options.statePath, state);
							}
							markOpen();
						},
						onEvent: handle,
						onError: (error) => log(`"${label}" / ${node.name}: ${error.message}; reconnecting`),
						signal: abort.signal,
					}),
				);
			}
		}
	} catch (error) {
		abort.abort();
		await Promise.all(hosts.map((host) => host.close()));
		throw error;
	}

	return {
		ready: Promise.all(opened).then(() => undefined),
		triggers,
		close: async () => {
			abort.abort();
			await Promise.all(streams);
			await Promise.all(hosts.map((host) => host.close()));
		},
	};
}

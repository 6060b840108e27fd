import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { InMemoryCredentialsHelper } from './credentials-helper';
import { loadNodeTypes } from './index';

export type WebhookKind = 'production' | 'test';

export interface TriggerHostOptions {
	packageDirs: string[];
	/** The trigger node; a `webhookId` is made up when it has none. */
	node: INode;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	staticData?: IDataObject;
}

/** One request the host's webhook server answered. */
export interface HostedRequest {
	kind: WebhookKind;
	status: number;
	/** What `webhook()` handed to the workflow (empty when it started nothing). */
	items: INodeExecutionData[];
}

export interface TriggerHost {
	/** The trigger's webhook URL as n8n would give it (production: /webhook/…, test: /webhook-test/…). */
	webhookUrl(kind: WebhookKind): string;
	/** Runs `webhookMethods.default.<method>` with an n8n-core HookContext, as n8n does on (de)activation. */
	hook(method: 'checkExists' | 'create' | 'delete', kind: WebhookKind): Promise<boolean>;
	/** n8n's activation: `checkExists`, then `create` when it said no. */
	activate(kind: WebhookKind): Promise<void>;
	/** n8n's deactivation: `delete`. */
	deactivate(kind: WebhookKind): Promise<boolean>;
	/** The workflow's static data (where triggers keep their registration). */
	staticData: IDataObject;
	requests: HostedRequest[];
	/** Resolves once `done(requests)` holds, re-checked after every request. */
	waitFor(done: (requests: HostedRequest[]) => boolean): Promise<void>;
	close(): Promise<void>;
}

/**
 * Hosts one webhook trigger node the way n8n does, headlessly: a real HTTP server serves its production and test
 * webhook URLs, each request runs the node's `webhook()` in an n8n-core WebhookContext (with `rawBody`, like n8n's
 * body parser), and activation/deactivation run its `webhookMethods` in a HookContext.
 */
export async function startTriggerHost(options: TriggerHostOptions): Promise<TriggerHost> {
	const nodeTypes = await loadNodeTypes(options.packageDirs);
	const provided = options.credentials ?? {};
	const credentialsHelper = new InMemoryCredentialsHelper(nodeTypes, provided);
	const nodeType = nodeTypes.getByNameAndVersion(options.node.type, options.node.typeVersion);
	if (!nodeType.webhook || !nodeType.webhookMethods) throw new Error(`${options.node.type} is not a webhook trigger`);
	const declared = nodeType.description.credentials ?? [];
	const node: INode = {
		...options.node,
		webhookId: options.node.webhookId ?? randomUUID(),
		credentials: { ...Object.fromEntries(declared.filter((c) => provided[c.name]).map((c) => [c.name, { id: c.name, name: c.name }])), ...options.node.credentials },
	};
	const workflow = new Workflow({
		id: 'trigger-host',
		nodes: [node],
		connections: {},
		nodeTypes,
		staticData: options.staticData ?? {},
		settings: { executionOrder: 'v1' },
		active: true,
	});
	const description = (nodeType.description.webhooks ?? []).find((w) => w.name === 'default') as IWebhookDescription;

	const app = express();
	const server: Server = createServer(app);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const additionalData = (extra: object = {}) =>
		({
			credentialsHelper,
			executionId: randomUUID(),
			webhookBaseUrl: `${base}/webhook`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: `${base}/`,
			formBaseUrl: `${base}/form`,
			formTestBaseUrl: `${base}/form-test`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			variables: {},
			currentNodeExecutionIndex: 0,
			...extra,
		}) as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = (kind: WebhookKind, data: IWorkflowExecuteAdditionalData): IWebhookData => ({
		httpMethod: description.httpMethod as IWebhookData['httpMethod'],
		node: node.name,
		path: String(description.path),
		webhookDescription: description,
		workflowId: String(workflow.id),
		workflowExecuteAdditionalData: data,
		webhookId: node.webhookId,
		isTest: kind === 'test',
	});

	const requests: HostedRequest[] = [];
	const waiters = new Set<() => void>();
	const notify = () => {
		for (const waiter of [...waiters]) waiter();
	};

	app.post(/^\/(webhook|webhook-test)\/.+/, express.raw({ type: '*/*', limit: '16mb' }), async (req, res) => {
		const kind: WebhookKind = req.path.startsWith('/webhook-test/') ? 'test' : 'production';
		const raw = Buffer.isBuffer(req.body) ? (req.body as Buffer) : Buffer.alloc(0);
		const request = req as typeof req & { rawBody: Buffer };
		request.rawBody = raw;
		try {
			request.body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			request.body = {};
		}
		const data = additionalData({ httpRequest: req, httpResponse: res });
		const context = new WebhookContext(workflow, node, data, kind === 'test' ? 'manual' : 'webhook', webhookData(kind, data), [], null);
		let items: INodeExecutionData[] = [];
		try {
			const result = await nodeType.webhook!.call(context);
			items = result.workflowData?.[0] ?? [];
			if (!result.noWebhookResponse && !res.headersSent) res.status(200).end();
		} catch (error) {
			if (!res.headersSent) res.status(500).json({ message: (error as Error).message });
		}
		requests.push({ kind, status: res.statusCode, items });
		notify();
	});

	const hook = async (method: 'checkExists' | 'create' | 'delete', kind: WebhookKind): Promise<boolean> => {
		const data = additionalData();
		const context = new HookContext(workflow, node, data, kind === 'test' ? 'manual' : 'trigger', kind === 'test' ? 'manual' : 'activate', webhookData(kind, data));
		const fn = nodeType.webhookMethods!.default![method];
		return (await fn!.call(context)) as boolean;
	};

	return {
		webhookUrl: (kind) => `${base}/${kind === 'test' ? 'webhook-test' : 'webhook'}/${node.webhookId}/${String(description.path)}`,
		hook,
		activate: async (kind) => {
			if (!(await hook('checkExists', kind))) await hook('create', kind);
		},
		deactivate: async (kind) => await hook('delete', kind),
		get staticData() {
			return workflow.staticData as IDataObject;
		},
		requests,
		waitFor: (done) =>
			new Promise<void>((resolve) => {
				const check = () => {
					if (done(requests)) {
						waiters.delete(check);
						resolve();
					}
				};
				waiters.add(check);
				check();
			}),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

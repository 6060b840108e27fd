import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
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
	/** The `X-Runner-Delivery` header of a request made by `deliverEvent`. */
	delivery?: string;
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
	/** Runs `fn` with the node's HookContext (its parameters and credentials, resolved as n8n resolves them). */
	evaluate<T>(fn: (context: IHookFunctions) => Promise<T> | T): Promise<T>;
	/**
	 * Hands an engine event to the node's `webhook()` through its production URL, signed the way the engine signs a
	 * webhook delivery, with a secret kept in the node's static data as if the engine had issued it. This is how an
	 * event read from elsewhere (the event stream) becomes exactly the items the trigger would emit.
	 */
	deliverEvent(event: IDataObject): Promise<HostedRequest>;
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
		const delivery = req.get('x-runner-delivery');
		requests.push({ kind, status: res.statusCode, items, ...(delivery && { delivery }) });
		notify();
	});

	const hookContext = (kind: WebhookKind) => {
		const data = additionalData();
		return new HookContext(workflow, node, data, kind === 'test' ? 'manual' : 'trigger', kind === 'test' ? 'manual' : 'activate', webhookData(kind, data));
	};
	const hook = async (method: 'checkExists' | 'create' | 'delete', kind: WebhookKind): Promise<boolean> => {
		const fn = nodeType.webhookMethods!.default![method];
		return (await fn!.call(hookContext(kind))) as boolean;
	};
	const webhookUrl = (kind: WebhookKind) => `${base}/${kind === 'test' ? 'webhook-test' : 'webhook'}/${node.webhookId}/${String(description.path)}`;
	const waitFor = (done: (requests: HostedRequest[]) => boolean) =>
		new Promise<void>((resolve) => {
			const check = () => {
				if (done(requests)) {
					waiters.delete(check);
					resolve();
				}
			};
			waiters.add(check);
			check();
		});

	const deliverEvent = async (event: IDataObject): Promise<HostedRequest> => {
		const url = webhookUrl('production');
		const nodeData = ((workflow.staticData as IDataObject)[`node:${node.name}`] ??= {}) as IDataObject;
		const subscriptions = (nodeData.subscriptions ??= {}) as Record<string, { id: string; secret: string }>;
		subscriptions[url] ??= { id: 'event-stream', secret: randomBytes(24).toString('hex') };
		const body = JSON.stringify(event);
		const timestamp = String(Math.floor(Date.now() / 1000));
		const signature = `sha256=${createHmac('sha256', subscriptions[url].secret).update(`${timestamp}.${body}`).digest('hex')}`;
		const delivery = randomUUID();
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-wa-timestamp': timestamp, 'x-wa-signature': signature, 'x-runner-delivery': delivery },
			body,
		});
		await response.arrayBuffer();
		await waitFor((all) => all.some((r) => r.delivery === delivery));
		// Taken out of `requests`: a long-running server delivers without end and must not keep every item.
		const index = requests.findIndex((r) => r.delivery === delivery);
		return requests.splice(index, 1)[0];
	};

	return {
		webhookUrl,
		hook,
		activate: async (kind) => {
			if (!(await hook('checkExists', kind))) await hook('create', kind);
		},
		deactivate: async (kind) => await hook('delete', kind),
		evaluate: async (fn) => await fn(hookContext('production')),
		deliverEvent,
		get staticData() {
			return workflow.staticData as IDataObject;
		},
		requests,
		waitFor,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

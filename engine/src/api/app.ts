import express, { type Request, type Response } from 'express';
import { HttpError } from '../lib/errors.js';
import { isBinaryResult, type AnyOperation } from '../operations/registry.js';
import type { EngineServices } from '../services.js';
import type { SessionRepository } from '../store/session-repo.js';
import { authorize, presentedKey } from './auth.js';
import { renderDocs } from './docs.js';
import { errorHandler, notFoundRoute } from './errors.js';
import { readMultipart } from './multipart.js';
import { buildOpenApi } from './openapi.js';

export interface AppDependencies {
	services: EngineServices;
	operations: AnyOperation[];
	sessionRepository: SessionRepository;
	adminKeyHash: string;
	version: string;
}

/** `/api/sessions/{session}/qr` → `/api/sessions/:session/qr` */
const toExpressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The REST bridge without `listen`, so tests and the CLI share it. */
export function createApp(deps: AppDependencies): express.Express {
	const { services, operations } = deps;
	const app = express();
	app.disable('x-powered-by');
	app.set('query parser', 'simple');

	const openApi = buildOpenApi(operations, deps.version);
	app.get('/health', (_req, res) => {
		res.json({ status: 'ok', version: deps.version, uptimeSeconds: Math.round(process.uptime()) });
	});
	app.get('/openapi.json', (_req, res) => {
		res.json(openApi);
	});
	app.get('/docs', (_req, res) => {
		res.type('html').send(renderDocs(openApi));
	});

	const json = express.json({ limit: services.config.bodyLimit, strict: true });
	for (const operation of operations) {
		app[operation.method](toExpressPath(operation.path), json, async (req: Request, res: Response) => {
			const params = operation.params ? operation.params.parse(req.params) : undefined;
			const target = (params as { session?: string } | undefined)?.session;
			const caller = authorize(presentedKey(req), operation.scope, target, deps.adminKeyHash, deps.sessionRepository);
			const query = operation.query ? operation.query.parse(req.query) : undefined;
			const body = await parseBody(operation, req, services.config);
			const result = await operation.handler({ params, query, body, services, caller } as Parameters<AnyOperation['handler']>[0]);
			const status = operation.response.status ?? 200;
			if (isBinaryResult(result)) {
				res.status(status).type(result.mimeType);
				if (result.fileName) res.attachment(result.fileName);
				res.send(result.binary);
				return;
			}
			// Answers go through their schema too, so the OpenAPI document is what clients really get.
			res.status(status).json(operation.response.schema ? operation.response.schema.parse(result) : result);
		});
	}

	app.use(notFoundRoute);
	app.use(errorHandler(services.logger));
	return app;
}

async function parseBody(operation: AnyOperation, req: Request, config: EngineServices['config']): Promise<unknown> {
	if (!operation.body) return undefined;
	if (req.is('multipart/form-data')) {
		return operation.body.parse(await readMultipart(req, { fileBytes: config.mediaMaxBytes, fieldBytes: 1024 * 1024 }));
	}
	// express.json leaves req.body undefined for other content types; an empty body means "no fields".
	const hasContent = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
	if (req.body === undefined && hasContent) {
		throw new HttpError(415, 'unsupported_media_type', 'Send the request body as application/json or multipart/form-data.');
	}
	return operation.body.parse(req.body ?? {});
}

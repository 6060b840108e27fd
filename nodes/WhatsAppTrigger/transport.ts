import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'whatsAppEngineApi';

type TriggerContext = IHookFunctions | IWebhookFunctions;

/** An engine answer with a status of 400 or more. */
export class EngineHttpError extends NodeApiError {
	statusCode = 0;
}

/**
 * The trigger's door to the engine (the action node's transport is typed for execute/load-options contexts):
 * same credential, same error shape. Errors carry the HTTP status, so callers can treat 404 as "gone".
 */
export async function engineRequest<T = IDataObject>(
	ctx: TriggerContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; encoding?: 'json' | 'arraybuffer' } = {},
): Promise<T> {
	const credentials = await ctx.getCredentials<{ baseUrl: string }>(CREDENTIAL_TYPE);
	const request: IHttpRequestOptions = {
		method,
		baseURL: String(credentials.baseUrl).replace(/\/+$/, ''),
		url: path,
		body: options.body,
		qs: options.qs,
		json: options.encoding !== 'arraybuffer',
		encoding: options.encoding ?? 'json',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let response: { statusCode: number; body: unknown; headers?: IDataObject };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, request);
	} catch (error) {
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	if (response.statusCode >= 400) {
		let body = response.body as { error?: { code?: string; message?: string } } | string | undefined;
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body) as { error?: { code?: string; message?: string } };
			} catch {
				body = undefined;
			}
		}
		const engineError = typeof body === 'object' ? body?.error : undefined;
		const error = new EngineHttpError(ctx.getNode(), { message: engineError?.message ?? `HTTP ${response.statusCode}` } as JsonObject, {
			message: engineError?.message ?? `The engine answered with HTTP ${response.statusCode}`,
			description: engineError?.code ? `Engine error code: ${engineError.code}` : undefined,
			httpCode: String(response.statusCode),
		});
		error.statusCode = response.statusCode;
		throw error;
	}
	return (options.encoding === 'arraybuffer' ? { body: response.body, headers: response.headers } : response.body) as T;
}

export const isNotFound = (error: unknown) => error instanceof EngineHttpError && error.statusCode === 404;

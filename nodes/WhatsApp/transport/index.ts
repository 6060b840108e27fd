import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'whatsAppEngineApi';

/** The engine route an operation calls, as the engine's OpenAPI document writes it (`/api/sessions/{session}/qr`). */
export interface EngineRoute {
	method: IHttpRequestMethods;
	path: string;
}

export interface EngineRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	/** `arraybuffer` for binary answers (QR image, media); the answer is then a Buffer. */
	encoding?: 'json' | 'arraybuffer';
	/** Item the request is made for, so n8n can point at it when the request fails. */
	itemIndex?: number;
}

/** The body of every engine error: `{ "error": { "code", "message", "details"? } }`. */
interface EngineErrorBody {
	error: { code: string; message: string; details?: unknown };
}

type EngineContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Fills the `{name}` placeholders of a route path, each value URL-encoded. */
export function routePath(route: EngineRoute, params: Record<string, string> = {}): string {
	return route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined) throw new Error(`Route ${route.path} needs the parameter "${name}"`);
		return encodeURIComponent(value);
	});
}

function isEngineErrorBody(value: unknown): value is EngineErrorBody {
	const error = (value as EngineErrorBody | undefined)?.error;
	return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

function parseErrorBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || typeof body === 'string') {
		try {
			return JSON.parse(body.toString());
		} catch {
			return { message: body.toString() };
		}
	}
	return body;
}

/**
 * Make a request to the WhatsApp engine: the only place that knows the engine's URL, its authentication and
 * its error format. An engine error becomes a NodeApiError with the engine's message and HTTP status.
 */
export async function engineApiRequest<T = IDataObject | IDataObject[]>(
	ctx: EngineContext,
	method: IHttpRequestMethods,
	path: string,
	options: EngineRequestOptions = {},
): Promise<T> {
	return (await engineRequest(ctx, method, path, options)).body as T;
}

/** A binary answer (downloaded media): the bytes with the MIME type and file name the engine gave. */
export async function engineBinaryRequest(
	ctx: EngineContext,
	method: IHttpRequestMethods,
	path: string,
	options: Omit<EngineRequestOptions, 'encoding'> = {},
): Promise<{ data: Buffer; mimeType?: string; fileName?: string }> {
	const response = await engineRequest(ctx, method, path, { ...options, encoding: 'arraybuffer' });
	const header = (name: string): string | undefined => {
		const value = response.headers?.[name];
		return Array.isArray(value) ? value[0] : (value as string | undefined);
	};
	const mimeType = header('content-type')?.split(';')[0]?.trim();
	const disposition = header('content-disposition') ?? '';
	const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
	const plain = disposition.match(/filename="?([^";]+)"?/i)?.[1];
	let fileName = plain;
	if (encoded) {
		try {
			fileName = decodeURIComponent(encoded);
		} catch {
			fileName = plain;
		}
	}
	return { data: Buffer.from(response.body as Buffer), mimeType, fileName };
}

async function engineRequest(
	ctx: EngineContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs, encoding = 'json', itemIndex }: EngineRequestOptions = {},
): Promise<{ statusCode: number; body: unknown; headers?: Record<string, string | string[] | undefined> }> {
	const credentials = await ctx.getCredentials<{ baseUrl: string }>(CREDENTIAL_TYPE, itemIndex);
	const options: IHttpRequestOptions = {
		method,
		baseURL: String(credentials.baseUrl).replace(/\/+$/, ''),
		url: path,
		qs,
		body,
		json: encoding === 'json',
		encoding,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	let response: { statusCode: number; body: unknown; headers?: Record<string, string | string[] | undefined> };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options);
	} catch (error) {
		// The engine could not be reached at all (refused, timed out, bad URL).
		throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
	}

	if (response.statusCode >= 400) {
		const parsed = parseErrorBody(response.body);
		const engineError = isEngineErrorBody(parsed)
			? parsed.error
			: { code: 'http_error', message: `The engine answered with HTTP ${response.statusCode}` };
		const error = new NodeApiError(ctx.getNode(), { ...engineError, httpCode: String(response.statusCode) } as JsonObject, {
			message: engineError.message,
			description: `Engine error code: ${engineError.code}`,
			httpCode: String(response.statusCode),
			itemIndex,
		});
		error.context.engineError = { code: engineError.code, details: engineError.details };
		throw error;
	}
	return response;
}

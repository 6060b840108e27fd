/**
 * Every failure the REST bridge reports is an HttpError: a status, a stable machine-readable code and a
 * human message. The error middleware renders it as `{ "error": { "code", "message", "details"? } }`.
 */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown,
	) {
		super(message);
		this.name = 'HttpError';
	}
}

export const badRequest = (message: string, details?: unknown) =>
	new HttpError(400, 'invalid_request', message, details);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
/** WhatsApp itself cannot do what was asked: say why instead of pretending it worked. */
export const notSupported = (message: string) => new HttpError(422, 'not_supported', message);

import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { HttpError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

/** `{ error: { code, message, details? } }`: the one error shape of the REST bridge. */
export const errorBody = z
	.object({
		error: z.object({
			code: z.string(),
			message: z.string(),
			details: z.unknown().optional(),
		}),
	})
	.describe('Error');

export const notFoundRoute: RequestHandler = (req, _res, next) => {
	next(new HttpError(404, 'route_not_found', `No route ${req.method} ${req.path}.`));
};

/** Turns anything thrown into the JSON error shape; only unexpected errors become 500 (and are logged). */
export function errorHandler(logger: Logger): ErrorRequestHandler {
	return (error: unknown, req, res, _next) => {
		const http = toHttpError(error);
		if (http.status >= 500) logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
		res.status(http.status).json({
			error: { code: http.code, message: http.message, ...(http.details !== undefined && { details: http.details }) },
		});
	};
}

function toHttpError(error: unknown): HttpError {
	if (error instanceof HttpError) return error;
	// By name as well: a schema built with another copy of zod (a plugin, a test) throws its own ZodError class.
	if (error instanceof z.ZodError || (error as Error | undefined)?.name === 'ZodError') {
		const { issues } = error as z.ZodError;
		return new HttpError(400, 'invalid_request', summarise(issues), issues.map(({ path, message, code }) => ({ path, message, code })));
	}
	// Baileys fails with Boom errors: WhatsApp refused (502) or did not answer in time (504).
	const boom = error as { isBoom?: boolean; message?: string; output?: { statusCode?: number } };
	if (boom.isBoom) {
		const timedOut = boom.output?.statusCode === 408;
		return new HttpError(
			timedOut ? 504 : 502,
			timedOut ? 'whatsapp_timeout' : 'whatsapp_error',
			`WhatsApp ${timedOut ? 'did not answer in time' : 'refused the request'}: ${boom.message ?? 'no details'}`,
		);
	}
	// body-parser's errors carry a status and a type.
	const parserError = error as { status?: number; type?: string; message?: string };
	if (parserError.type === 'entity.parse.failed') return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
	if (parserError.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', 'The request body is larger than this engine accepts.');
	if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
		return new HttpError(415, 'unsupported_encoding', parserError.message ?? 'Unsupported body encoding.');
	}
	if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
		return new HttpError(parserError.status, 'bad_request', parserError.message ?? 'Bad request.');
	}
	return new HttpError(500, 'internal_error', 'The engine failed to handle this request; see its log.');
}

function summarise(issues: z.ZodError['issues']): string {
	return issues
		.slice(0, 5)
		.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
		.join('; ');
}

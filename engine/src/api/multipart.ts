import busboy from 'busboy';
import type { Request } from 'express';
import { HttpError, badRequest } from '../lib/errors.js';

/**
 * Reads a `multipart/form-data` request into the same shape a JSON body has, so every operation accepts file
 * uploads without knowing about them:
 * - a file part named `image` becomes `{ image: { base64, mimetype, fileName } }`, the engine's media input;
 * - a text field named `payload` holds JSON and is merged in (for nested or non-string values);
 * - any other text field is taken as a string (`to`, `caption`, `text`, ...).
 */
export function readMultipart(req: Request, limits: { fileBytes: number; fieldBytes: number }): Promise<Record<string, unknown>> {
	return new Promise((resolve, reject) => {
		let parser: busboy.Busboy;
		try {
			parser = busboy({ headers: req.headers, limits: { fileSize: limits.fileBytes, fieldSize: limits.fieldBytes, files: 10, fields: 100 } });
		} catch (error) {
			reject(badRequest(`Unreadable multipart body: ${(error as Error).message}`));
			return;
		}
		const body: Record<string, unknown> = {};
		const files: Promise<void>[] = [];
		let failure: HttpError | undefined;
		const fail = (error: HttpError) => {
			failure ??= error;
			req.unpipe(parser);
			req.resume();
			reject(failure);
		};
		parser.on('field', (name, value, info) => {
			if (info.valueTruncated) return fail(new HttpError(413, 'payload_too_large', `The form field "${name}" is too large.`));
			if (name !== 'payload') {
				body[name] = value;
				return;
			}
			try {
				const parsed: unknown = JSON.parse(value);
				if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
				Object.assign(body, parsed);
			} catch {
				fail(badRequest('The form field "payload" must hold a JSON object.'));
			}
		});
		parser.on('file', (name, stream, info) => {
			const chunks: Buffer[] = [];
			files.push(
				new Promise((done) => {
					stream.on('data', (chunk: Buffer) => chunks.push(chunk));
					stream.on('limit', () => fail(new HttpError(413, 'payload_too_large', `The file "${info.filename ?? name}" is larger than ${limits.fileBytes} bytes.`)));
					stream.on('close', () => {
						const data = Buffer.concat(chunks);
						body[name] = {
							base64: data.toString('base64'),
							...(info.mimeType && info.mimeType !== 'application/octet-stream' && { mimetype: info.mimeType }),
							...(info.filename && { fileName: info.filename }),
						};
						done();
					});
				}),
			);
		});
		parser.on('error', (error: Error) => fail(badRequest(`Unreadable multipart body: ${error.message}`)));
		parser.on('close', () => {
			void Promise.all(files).then(() => {
				if (!failure) resolve(body);
			});
		});
		req.pipe(parser);
	});
}

import type { z } from 'zod';
import type { EngineServices } from '../services.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * Who may call an operation. `admin`: only the admin key. `session`: the admin key or the key of the session
 * named by the `{session}` path parameter. `any`: any valid key; the handler sees which (`caller`).
 */
export type Scope = 'admin' | 'session' | 'any';

export type Caller = { role: 'admin' } | { role: 'session'; sessionId: string };

/** A file answer (QR image, downloaded media): sent as bytes with its MIME type. */
export interface BinaryResult {
	binary: Buffer;
	mimeType: string;
	fileName?: string;
}

type Shape = z.ZodObject<z.ZodRawShape>;
type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

/**
 * One catalog operation, defined once. The REST route, its request validation, its OpenAPI entry and the
 * node/engine parity test are all derived from this object.
 */
export interface Operation<P extends Shape | undefined = Shape | undefined, Q extends Shape | undefined = Shape | undefined, B extends z.ZodType | undefined = z.ZodType | undefined, O extends z.ZodType = z.ZodType> {
	/** Catalog resource and operation name, e.g. `session` / `connect`. */
	resource: string;
	name: string;
	summary: string;
	description?: string;
	method: HttpMethod;
	/** OpenAPI-style path: `/api/sessions/{session}/connect`. */
	path: string;
	scope: Scope;
	params?: P;
	query?: Q;
	body?: B;
	/** Success status (default 200), the shape of the JSON answer, and the MIME types of binary answers. */
	response: { status?: number; schema?: O; binary?: string[] };
	handler: (input: { params: Infer<P>; query: Infer<Q>; body: Infer<B>; services: EngineServices; caller: Caller }) => Promise<z.input<O> | BinaryResult> | z.input<O> | BinaryResult;
}

export type AnyOperation = Operation<Shape | undefined, Shape | undefined, z.ZodType | undefined, z.ZodType>;

/** Keeps the handler's input types tied to the schemas it declares. */
export function defineOperation<P extends Shape | undefined = undefined, Q extends Shape | undefined = undefined, B extends z.ZodType | undefined = undefined, O extends z.ZodType = z.ZodType>(
	operation: Operation<P, Q, B, O>,
): AnyOperation {
	return operation as unknown as AnyOperation;
}

export const isBinaryResult = (value: unknown): value is BinaryResult =>
	typeof value === 'object' && value !== null && Buffer.isBuffer((value as BinaryResult).binary);

import { z } from 'zod';
import { streamQuery } from '../events/stream.js';
import { engineEvent } from '../events/types.js';
import type { AnyOperation } from '../operations/registry.js';
import { sessionParams } from '../operations/schemas.js';
import { errorBody } from './errors.js';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
	const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
	return rest;
};

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** The OpenAPI 3.1 document, derived from the operation registry (JSON Schema 2020-12 is native to 3.1). */
export function buildOpenApi(operations: AnyOperation[], version: string): JsonSchema {
	const paths: Record<string, Record<string, unknown>> = {
		'/health': {
			get: {
				operationId: 'health',
				summary: 'Liveness check (no API key needed)',
				tags: ['engine'],
				security: [],
				responses: { 200: { description: 'The engine is up' } },
			},
		},
		// Served beside the registry (it holds its response open), so it is described here.
		'/api/sessions/{session}/events/stream': {
			get: {
				operationId: 'event.streamEvents',
				summary: "The session's events as Server-Sent Events",
				description:
					'Each event is one `data:` line with the event as JSON and `id: <seq>`. Reconnect with `Last-Event-ID` (or `after`) to continue right ' +
					'after the last event seen; without either, the stream starts with what happens next. Keep-alive comments keep idle streams open.',
				tags: ['event'],
				'x-resource': 'event',
				'x-scope': 'session',
				parameters: [
					...objectParameters(sessionParams, 'path'),
					...objectParameters(streamQuery, 'query'),
					{ name: 'Last-Event-ID', in: 'header', required: false, description: 'Seq of the last event received; wins over `after`', schema: { type: 'string' } },
				],
				responses: {
					200: {
						description: 'An open event stream',
						content: { 'text/event-stream': { schema: { type: 'string', description: 'Server-Sent Events whose data are Event objects' }, 'x-event-schema': schemaOf(engineEvent, 'output') } },
					},
					401: errorResponse('Missing or wrong API key'),
					403: errorResponse('The key may not read this session'),
					404: errorResponse('Unknown session'),
				},
			},
		},
	};
	for (const operation of operations) {
		const parameters = [
			...objectParameters(operation.params, 'path'),
			...objectParameters(operation.query, 'query'),
		];
		const content: Record<string, unknown> = {};
		if (operation.response.schema) content['application/json'] = { schema: schemaOf(operation.response.schema, 'output') };
		for (const mime of operation.response.binary ?? []) content[mime] = { schema: { type: 'string', format: 'binary' } };
		paths[operation.path] ??= {};
		paths[operation.path][operation.method] = {
			operationId: `${operation.resource}.${operation.name}`,
			summary: operation.summary,
			...(operation.description && { description: operation.description }),
			tags: [operation.resource],
			'x-resource': operation.resource,
			'x-operation': operation.name,
			'x-scope': operation.scope,
			...(parameters.length && { parameters }),
			...(operation.body && { requestBody: requestBodyOf(operation.body) }),
			responses: {
				[operation.response.status ?? 200]: { description: 'Success', content },
				400: errorResponse('Invalid input (the zod issues are in error.details)'),
				401: errorResponse('Missing or wrong API key'),
				403: errorResponse('The key may not call this route'),
				...(operation.params && { 404: errorResponse('Unknown session') }),
				409: errorResponse('The session is not in a state that allows this'),
			},
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'WhatsApp Engine REST API',
			version,
			description:
				'Self-hosted WhatsApp sessions (Baileys). Every route but /health needs the admin key or the session\'s own key in X-Api-Key. Errors are `{ "error": { "code", "message", "details"? } }`.',
		},
		components: {
			securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
			schemas: { Error: schemaOf(errorBody, 'output') },
		},
		security: [{ apiKey: [] }],
		paths,
	};
}

/** JSON always; multipart as well when the body takes media (a file part becomes that media field). */
function requestBodyOf(body: z.ZodType) {
	const schema = schemaOf(body, 'input');
	const content: Record<string, unknown> = { 'application/json': { schema } };
	if (JSON.stringify(schema).includes('"base64"')) {
		content['multipart/form-data'] = {
			schema: {
				type: 'object',
				description:
					'The JSON body\'s fields as form fields: a file part named like a media field (e.g. "image") is that media; text fields are strings; a "payload" field may hold JSON for nested values.',
				additionalProperties: true,
			},
		};
	}
	return { required: true, content };
}

function objectParameters(shape: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query') {
	if (!shape) return [];
	const json = schemaOf(shape, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
	return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
		name,
		in: where,
		required: where === 'path' || (json.required ?? []).includes(name),
		...(typeof schema.description === 'string' && { description: schema.description }),
		schema,
	}));
}

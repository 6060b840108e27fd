/**
 * JSON that keeps binary values. Signal keys and credentials are full of Buffers/Uint8Arrays; they are written
 * as `{ "type": "Buffer", "data": "<base64>" }`, the same wire shape Baileys' own BufferJSON uses, so a value
 * serialised by either side reads back on the other.
 */
export function encodeJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v instanceof Uint8Array) return { type: 'Buffer', data: Buffer.from(v).toString('base64') };
		// JSON.stringify calls Buffer#toJSON before the replacer sees it.
		if (isSerialisedBuffer(v) && Array.isArray(v.data)) {
			return { type: 'Buffer', data: Buffer.from(v.data as number[]).toString('base64') };
		}
		return v;
	});
}

export function decodeJson<T = unknown>(text: string): T {
	return JSON.parse(text, (_key, v: unknown) => {
		if (isSerialisedBuffer(v)) {
			return typeof v.data === 'string' ? Buffer.from(v.data, 'base64') : Buffer.from(v.data as number[]);
		}
		return v;
	}) as T;
}

function isSerialisedBuffer(v: unknown): v is { type: 'Buffer'; data: unknown } {
	return (
		typeof v === 'object' &&
		v !== null &&
		(v as { type?: unknown }).type === 'Buffer' &&
		'data' in v &&
		Object.keys(v).length === 2
	);
}

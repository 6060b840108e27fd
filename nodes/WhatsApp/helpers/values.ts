import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** `{ [key]: value }` when the value is not empty, else nothing: optional text fields stay out of the body. */
export const optional = (key: string, value: string): IDataObject => (value.trim() === '' ? {} : { [key]: value });

/** A JSON parameter of item `i`, parsed; a clear error names the field when the JSON is invalid. */
export function parseJson(ctx: IExecuteFunctions, i: number, name: string): IDataObject | IDataObject[] {
	const value = ctx.getNodeParameter(name, i);
	if (typeof value !== 'string') return value as IDataObject | IDataObject[];
	try {
		return JSON.parse(value) as IDataObject | IDataObject[];
	} catch {
		throw new NodeOperationError(ctx.getNode(), `The field "${name}" is not valid JSON`, { itemIndex: i });
	}
}

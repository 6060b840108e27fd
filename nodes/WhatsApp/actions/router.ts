import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WhatsAppType } from './node.type';
import { BinaryItem } from './node.type';
import { resources } from './resources';

/** The item a failed input item turns into when the node is set to continue on errors. */
function errorItem(error: Error, i: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error instanceof NodeApiError) {
		if (error.httpCode) json.httpCode = error.httpCode;
		const engineError = error.context.engineError as IDataObject | undefined;
		if (engineError?.code) json.code = engineError.code;
	}
	return { json, pairedItem: { item: i } };
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	// Resource and operation accept no expressions, so they are the same for every item.
	const whatsApp = {
		resource: this.getNodeParameter('resource', 0),
		operation: this.getNodeParameter('operation', 0),
	} as WhatsAppType;
	const { resource, operation } = whatsApp;
	const module = resources[resource]?.[operation];

	for (let i = 0; i < items.length; i++) {
		try {
			if (!module) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
					itemIndex: i,
				});
			}
			const result = await module.execute.call(this, i);
			if (result instanceof BinaryItem) {
				returnData.push({ json: result.json, binary: result.binary, pairedItem: { item: i } });
			} else {
				returnData.push(
					...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
						itemData: { item: i },
					}),
				);
			}
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push(errorItem(error as Error, i));
				continue;
			}
			// Both constructors hand an error of their own class back unchanged, so the engine's HTTP status survives.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}

	return [returnData];
}

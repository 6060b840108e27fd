import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatField, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineBinaryRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { BinaryItem } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/messages/{messageId}/media' };

const properties: INodeProperties[] = [
	sessionLocator,
	chatField,
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		description: 'The WhatsApp message ID, from an event or an earlier send',
	},
	{
		displayName: 'Put Output in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the file in',
	},
];

const displayOptions = { show: { resource: ['media'], operation: ['downloadMedia'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const messageId = (this.getNodeParameter('messageId', i) as string).trim();
	const chat = this.getNodeParameter('chat', i) as string;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
	const file = await engineBinaryRequest(this, route.method, routePath(route, { session, messageId }), { qs: { chat }, itemIndex: i });
	const fileName = file.fileName ?? messageId;
	const mimeType = file.mimeType ?? 'application/octet-stream';
	const binary = await this.helpers.prepareBinaryData(file.data, fileName, mimeType);
	const json: IDataObject = { session, chat, messageId, fileName, mimeType, fileSize: file.data.length };
	return new BinaryItem(json, { [binaryPropertyName]: binary });
}

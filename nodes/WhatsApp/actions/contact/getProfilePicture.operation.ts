import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, engineBinaryRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { BinaryItem } from '../node.type';
import { contactField, getContact } from './fields';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/contacts/{contact}/picture' };

const properties: INodeProperties[] = [
	sessionLocator,
	{ ...contactField, description: 'The person or group: phone number with country code, JID or LID' },
	{
		displayName: 'Thumbnail Only',
		name: 'preview',
		type: 'boolean',
		default: false,
		description: 'Whether to get the small thumbnail instead of the full 640×640 picture',
	},
	{
		displayName: 'Download Image',
		name: 'download',
		type: 'boolean',
		default: false,
		description: 'Whether to download the picture into binary data instead of returning its URL',
	},
	{
		displayName: 'Put Output in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the picture in',
		displayOptions: { show: { download: [true] } },
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['getProfilePicture'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const contact = getContact(this, i);
	const preview = this.getNodeParameter('preview', i, false) as boolean;
	const path = routePath(route, { session, contact });
	if (!(this.getNodeParameter('download', i, false) as boolean)) {
		return await engineApiRequest<IDataObject>(this, route.method, path, { qs: { preview }, itemIndex: i });
	}
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
	const file = await engineBinaryRequest(this, route.method, path, { qs: { preview, format: 'image' }, itemIndex: i });
	const fileName = file.fileName ?? 'picture.jpg';
	const mimeType = file.mimeType ?? 'image/jpeg';
	const binary = await this.helpers.prepareBinaryData(file.data, fileName, mimeType);
	return new BinaryItem({ contact, type: preview ? 'preview' : 'image', fileName, mimeType, fileSize: file.data.length }, { [binaryPropertyName]: binary });
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { BinaryItem } from '../node.type';

export const route: EngineRoute = { method: 'GET', path: '/api/sessions/{session}/qr' };

const properties: INodeProperties[] = [
	sessionLocator,
	{
		displayName: 'Output as Image',
		name: 'asImage',
		type: 'boolean',
		default: false,
		description:
			'Whether to output the QR code as a PNG image in a binary property instead of JSON (raw value and data URL)',
	},
	{
		displayName: 'Put Output in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { asImage: [true] } },
		description: 'The name of the output binary field to put the image in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Wait (Seconds)',
				name: 'wait',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 60 },
				default: 10,
				description: 'How long to wait for a code while the session is still connecting',
			},
		],
	},
];

const displayOptions = { show: { resource: ['session'], operation: ['getQrCode'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const asImage = this.getNodeParameter('asImage', i, false) as boolean;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.wait !== undefined) qs.wait = options.wait;
	const path = routePath(route, { session });

	if (!asImage) {
		return await engineApiRequest(this, route.method, path, { qs, itemIndex: i });
	}
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i, 'data') as string;
	const png = await engineApiRequest<Buffer>(this, route.method, path, {
		qs: { ...qs, format: 'png' },
		encoding: 'arraybuffer',
		itemIndex: i,
	});
	const binary = await this.helpers.prepareBinaryData(Buffer.from(png), `${session}-qr.png`, 'image/png');
	return new BinaryItem({ session, mimeType: 'image/png', fileSize: png.length }, { [binaryPropertyName]: binary });
}

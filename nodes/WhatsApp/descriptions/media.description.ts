import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * Where a media file comes from: an n8n binary property of the input item (the usual case: a file read,
 * downloaded or produced earlier in the workflow), a URL the engine downloads, base64 text, or the id of a file
 * uploaded with Media → Upload.
 */
export function mediaFields(operation: string, label: string): INodeProperties[] {
	const show = { operation: [operation] };
	return [
		{
			displayName: `${label} Source`,
			name: 'mediaSource',
			type: 'options',
			options: [
				{ name: 'Base64', value: 'base64', description: 'The file as base64 text (or a data: URL)' },
				{ name: 'Binary Data', value: 'binary', description: 'A binary property of the input item' },
				{ name: 'Uploaded Media ID', value: 'mediaId', description: 'The ID that Media → Upload returned' },
				{ name: 'URL', value: 'url', description: 'An http(s) URL the engine downloads (public addresses only)' },
			],
			default: 'binary',
			displayOptions: { show },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'Name of the binary property that holds the file',
			displayOptions: { show: { ...show, mediaSource: ['binary'] } },
		},
		{
			displayName: 'Base64 Content',
			name: 'base64',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 3 },
			displayOptions: { show: { ...show, mediaSource: ['base64'] } },
		},
		{
			displayName: 'URL',
			name: 'mediaUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/photo.jpg',
			displayOptions: { show: { ...show, mediaSource: ['url'] } },
		},
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. med_abc123',
			displayOptions: { show: { ...show, mediaSource: ['mediaId'] } },
		},
		{
			displayName: 'MIME Type',
			name: 'mimetype',
			type: 'string',
			default: '',
			placeholder: 'e.g. image/jpeg',
			description: "Leave empty to use the file's own type",
			displayOptions: { show },
		},
	];
}

/** The engine's media object for item `i`: `{ base64 | url | mediaId, mimetype?, fileName? }`. */
export async function readMedia(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const source = ctx.getNodeParameter('mediaSource', i) as string;
	const mimetype = (ctx.getNodeParameter('mimetype', i, '') as string).trim();
	const withType = (media: IDataObject): IDataObject => ({ ...media, ...(mimetype && { mimetype }) });
	if (source === 'base64') return withType({ base64: ctx.getNodeParameter('base64', i) as string });
	if (source === 'url') return withType({ url: (ctx.getNodeParameter('mediaUrl', i) as string).trim() });
	if (source === 'mediaId') return withType({ mediaId: (ctx.getNodeParameter('mediaId', i) as string).trim() });
	const property = ctx.getNodeParameter('binaryPropertyName', i) as string;
	const binary = ctx.helpers.assertBinaryData(i, property);
	const data = await ctx.helpers.getBinaryDataBuffer(i, property);
	return {
		base64: data.toString('base64'),
		mimetype: mimetype || binary.mimeType,
		...(binary.fileName && { fileName: binary.fileName }),
	};
}

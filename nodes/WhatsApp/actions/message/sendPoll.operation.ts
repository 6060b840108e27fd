import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, readSendOptions, getRecipient, recipientField, sendOptions, sessionLocator, splitList } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/messages/poll' };

const properties: INodeProperties[] = [
	sessionLocator,
	recipientField,
	{
		displayName: 'Question',
		name: 'question',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Options',
		name: 'pollOptions',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Morning, Afternoon, Evening',
		description: 'Comma-separated answers (2-12)',
	},
	{
		displayName: 'Max Answers',
		name: 'maxAnswers',
		type: 'number',
		default: 1,
		typeOptions: {
			minValue: 1,
			maxValue: 12
		},
		description: 'How many options one person may pick',
	},
	sendOptions([], { mentions: true }),
];

const displayOptions = { show: { resource: ['message'], operation: ['sendPoll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const body: IDataObject = {
		to: getRecipient(this, i),
		question: this.getNodeParameter('question', i) as string,
		options: splitList(this.getNodeParameter('pollOptions', i)),
		maxAnswers: this.getNodeParameter('maxAnswers', i, 1) as number,
		...readSendOptions(this, i),
	};
	return await engineApiRequest(this, route.method, routePath(route, { session }), { body, itemIndex: i });
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { chatLocatorField, getRecipient, getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationResult } from '../node.type';
import { applyField, labelIdField } from './shared';

export const route: EngineRoute = { method: 'POST', path: '/api/sessions/{session}/chats/{chat}/labels/{labelId}' };

const properties: INodeProperties[] = [sessionLocator, chatLocatorField, labelIdField, applyField];

const displayOptions = { show: { resource: ['label'], operation: ['labelChat'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const session = await getSessionId(this, i);
	const chat = getRecipient(this, i, 'chat');
	const labelId = (this.getNodeParameter('labelId', i) as string).trim();
	const body = { apply: this.getNodeParameter('apply', i, true) as boolean };
	return await engineApiRequest(this, route.method, routePath(route, { session, chat, labelId }), { body, itemIndex: i });
}

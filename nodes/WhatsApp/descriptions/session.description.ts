import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport';

/** Session ids as the engine accepts them: letters, digits, `_` and `-`, starting with a letter or digit. */
export const SESSION_ID_REGEX = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';

/** The session to act on: picked from the engine's list or typed as an id; empty means the credential's default. */
export const sessionLocator: INodeProperties = {
	displayName: 'Session',
	name: 'session',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: "The WhatsApp session (linked device) to use. Leave empty to use the credential's default session.",
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSessions', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. shop',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: SESSION_ID_REGEX,
						errorMessage: 'Use 1-64 letters, digits, "_" or "-", starting with a letter or digit',
					},
				},
			],
		},
	],
};

/**
 * The session id for item `i`: the node's Session parameter, or the credential's default session when the
 * parameter is empty.
 */
export async function getSessionId(ctx: IExecuteFunctions, i: number): Promise<string> {
	const chosen = String(ctx.getNodeParameter('session', i, '', { extractValue: true }) ?? '').trim();
	if (chosen) return chosen;
	const credentials = await ctx.getCredentials<{ defaultSession?: string }>(CREDENTIAL_TYPE, i);
	const fallback = String(credentials.defaultSession ?? '').trim();
	if (fallback) return fallback;
	throw new NodeOperationError(ctx.getNode(), 'No session chosen', {
		description: 'Choose a session in the node, or set a default session in the WhatsApp Engine API credential',
		itemIndex: i,
	});
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { route as listChatsRoute } from '../actions/chat/listChats.operation';
import { route as listGroupsRoute } from '../actions/group/listGroups.operation';
import { route as listInstancesRoute } from '../actions/instance/listInstances.operation';
import { CREDENTIAL_TYPE, engineApiRequest, routePath } from '../transport';

/** Sessions for the Session field: every session of the engine, filtered by id or name. */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const sessions = await engineApiRequest<IDataObject[]>(
		this,
		listInstancesRoute.method,
		routePath(listInstancesRoute),
	);
	const needle = (filter ?? '').toLowerCase();
	const results = sessions
		.filter((session) => {
			if (!needle) return true;
			return `${session.id} ${session.name}`.toLowerCase().includes(needle);
		})
		.map((session) => {
			const state = (session.status as IDataObject | undefined)?.state;
			const label = session.name && session.name !== session.id ? `${session.name} (${session.id})` : String(session.id);
			return { name: state ? `${label} · ${state}` : label, value: String(session.id) };
		});
	return { results };
}

/** Chats for the Recipient field: the chosen session's recent chats (newest first), filtered by the engine. */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = String(this.getCurrentNodeParameter('session', { extractValue: true }) ?? '').trim();
	const credentials = await this.getCredentials<{ defaultSession?: string }>(CREDENTIAL_TYPE);
	const session = chosen || String(credentials.defaultSession ?? '').trim();
	if (!session) return { results: [] };
	const offset = Number(paginationToken ?? 0);
	const pageSize = 50;
	const chats = await engineApiRequest<IDataObject[]>(this, listChatsRoute.method, routePath(listChatsRoute, { session }), {
		qs: { limit: pageSize, offset, ...(filter && { search: filter }) },
	});
	const results = chats.map((entry) => {
		const chat = entry.chat as IDataObject;
		const label = entry.name ?? (chat.phone ? `+${chat.phone}` : chat.id);
		return { name: `${label} (${chat.id})`, value: String(chat.id) };
	});
	return { results, ...(chats.length === pageSize && { paginationToken: String(offset + pageSize) }) };
}

/** Groups for the Group field: the chosen session's groups, filtered by name or id. */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const chosen = String(this.getCurrentNodeParameter('session', { extractValue: true }) ?? '').trim();
	const credentials = await this.getCredentials<{ defaultSession?: string }>(CREDENTIAL_TYPE);
	const session = chosen || String(credentials.defaultSession ?? '').trim();
	if (!session) return { results: [] };
	const groups = await engineApiRequest<IDataObject[]>(this, listGroupsRoute.method, routePath(listGroupsRoute, { session }), {
		qs: { ignoreParticipants: true, ...(filter && { search: filter }) },
	});
	const results = groups.map((group) => ({ name: `${group.subject} (${group.id})`, value: String(group.id) }));
	return { results };
}

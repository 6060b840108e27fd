import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { route as listInstancesRoute } from '../actions/instance/listInstances.operation';
import { engineApiRequest, routePath } from '../transport';

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

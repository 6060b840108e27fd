import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSessionId, sessionLocator } from '../../descriptions';
import type { EngineRoute } from '../../transport';
import { engineApiRequest, routePath } from '../../transport';
import type { OperationModule, OperationResult } from '../node.type';

const settingPath = (slug: string) => `/api/sessions/{session}/settings/${slug}`;

/** A settings operation that reads a setting back: the session is its only field. */
export function getter(operation: string, slug: string): OperationModule {
	const route: EngineRoute = { method: 'GET', path: settingPath(slug) };
	return {
		route,
		description: updateDisplayOptions({ show: { resource: ['settings'], operation: [operation] } }, [sessionLocator]),
		async execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
			const session = await getSessionId(this, i);
			return await engineApiRequest(this, route.method, routePath(route, { session }), { itemIndex: i });
		},
	};
}

/** A settings operation that writes `fields` (read with `body`) to the engine with PUT. */
export function setter(operation: string, slug: string, fields: INodeProperties[], body: (ctx: IExecuteFunctions, i: number) => IDataObject): OperationModule {
	const route: EngineRoute = { method: 'PUT', path: settingPath(slug) };
	return {
		route,
		description: updateDisplayOptions({ show: { resource: ['settings'], operation: [operation] } }, [sessionLocator, ...fields]),
		async execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
			const session = await getSessionId(this, i);
			return await engineApiRequest(this, route.method, routePath(route, { session }), { body: body(this, i), itemIndex: i });
		},
	};
}

/** An on/off setting: one boolean field sent as `{ enabled }`. */
export const flagSetter = (operation: string, slug: string, displayName: string, description: string): OperationModule =>
	setter(operation, slug, [{ displayName, name: 'enabled', type: 'boolean', default: true, description }], (ctx, i) => ({
		enabled: ctx.getNodeParameter('enabled', i) as boolean,
	}));

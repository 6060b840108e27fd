import * as call from './call';
import * as chat from './chat';
import * as contact from './contact';
import * as event from './event';
import * as group from './group';
import * as instance from './instance';
import * as label from './label';
import * as media from './media';
import * as message from './message';
import * as messageAction from './messageAction';
import type { OperationModule, WhatsAppType } from './node.type';
import * as presence from './presence';
import * as privacy from './privacy';
import * as profile from './profile';
import * as session from './session';
import * as settings from './settings';
import * as status from './status';
import * as webhook from './webhook';

type ResourceName = WhatsAppType['resource'];

const isOperationModule = (value: unknown): value is OperationModule =>
	typeof value === 'object' &&
	value !== null &&
	typeof (value as OperationModule).execute === 'function' &&
	typeof (value as OperationModule).route === 'object';

/** The operation modules a resource folder exports (its `index.ts` also exports the dropdown `description`). */
const operationsOf = (resource: object): Record<string, OperationModule> =>
	Object.fromEntries(Object.entries(resource).filter(([, value]) => isOperationModule(value)));

/** Every operation module, by resource and operation value. The router dispatches through this table. */
export const resources: Record<ResourceName, Record<string, OperationModule>> = {
	instance: operationsOf(instance),
	session: operationsOf(session),
	message: operationsOf(message),
	messageAction: operationsOf(messageAction),
	presence: operationsOf(presence),
	media: operationsOf(media),
	chat: operationsOf(chat),
	status: operationsOf(status),
	label: operationsOf(label),
	privacy: operationsOf(privacy),
	call: operationsOf(call),
	contact: operationsOf(contact),
	profile: operationsOf(profile),
	settings: operationsOf(settings),
	event: operationsOf(event),
	group: operationsOf(group),
	webhook: operationsOf(webhook),
};

export interface OperationRoute {
	resource: string;
	operation: string;
	method: string;
	path: string;
}

/** The engine route each node operation calls, for the node/engine parity test. */
export function getOperationRoutes(): OperationRoute[] {
	return Object.entries(resources).flatMap(([resource, operations]) =>
		Object.entries(operations).map(([operation, module]) => ({
			resource,
			operation,
			method: module.route.method,
			path: module.route.path,
		})),
	);
}

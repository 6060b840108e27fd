import type { INodeProperties } from 'n8n-workflow';
import { operations } from '../../engine/src/operations/index.js';
// The node as built (npm run build:nodes): n8n-workflow's ESM build cannot be loaded by jest, its CJS build can.
import { properties } from '../../dist/nodes/WhatsApp/actions/description.js';
import { getOperationRoutes } from '../../dist/nodes/WhatsApp/actions/resources.js';

/**
 * The engine's operation registry and the node's operations must stay in step: every engine operation has a node
 * operation of the same resource and name calling its route, and every route the node calls exists in the engine.
 */
const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

const engineOperations = operations.map((op) => ({ resource: op.resource, name: op.name, route: key(op.method, op.path) }));
const nodeOperations = getOperationRoutes().map((op) => ({ resource: op.resource, name: op.operation, route: key(op.method, op.path) }));

describe('node ↔ engine parity', () => {
	it('reads a non-empty registry and route table', () => {
		expect(engineOperations.length).toBeGreaterThan(0);
		expect(nodeOperations.length).toBeGreaterThan(0);
	});

	it('has a node operation calling every engine operation\'s route', () => {
		const missing = engineOperations
			.filter((op) => !nodeOperations.some((n) => n.resource === op.resource && n.name === op.name && n.route === op.route))
			.map((op) => `${op.resource}.${op.name} (${op.route})`);
		expect(missing).toEqual([]);
	});

	it('calls no route the engine does not serve', () => {
		const engineRoutes = new Set(engineOperations.map((op) => op.route));
		const unknown = nodeOperations.filter((op) => !engineRoutes.has(op.route)).map((op) => `${op.resource}.${op.name} (${op.route})`);
		expect(unknown).toEqual([]);
	});

	it('offers exactly the implemented operations in each resource\'s Operation dropdown', () => {
		const resourceParameter = properties.find((p) => p.name === 'resource') as INodeProperties;
		const resources = (resourceParameter.options as Array<{ value: string }>).map((o) => o.value).sort();
		expect(resources).toEqual([...new Set(nodeOperations.map((op) => op.resource))].sort());
		for (const resource of resources) {
			const dropdown = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource)) as INodeProperties;
			const offered = (dropdown.options as Array<{ value: string }>).map((o) => o.value).sort();
			const implemented = nodeOperations.filter((op) => op.resource === resource).map((op) => op.name).sort();
			expect({ resource, offered }).toEqual({ resource, offered: implemented });
		}
	});
});

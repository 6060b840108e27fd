import { LazyPackageDirectoryLoader } from 'n8n-core';
import type { PackageDirectoryLoader } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, INode, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

/** Prefix n8n gives nodes loaded from N8N_CUSTOM_EXTENSIONS; accepted as an alias of any loaded package. */
const CUSTOM_PREFIX = 'CUSTOM.';

/** A node whose type no loaded package provides. */
export class UnknownNodeTypeError extends Error {
	constructor(
		readonly nodeType: string,
		readonly nodeName: string | undefined,
		packages: string[],
	) {
		super(
			`${nodeName === undefined ? 'Node type' : `Node "${nodeName}" has type`} "${nodeType}", which no loaded package provides ` +
				`(loaded: ${packages.join(', ') || 'none'}). Load the package that provides it with --nodes <dir>.`,
		);
		this.name = 'UnknownNodeTypeError';
	}
}

/**
 * A package folder's nodes and credentials. Lazy, like n8n itself: a package that ships `dist/known/*.json`
 * (n8n-nodes-base does) has its node files required only when a workflow uses them; others are loaded whole.
 */
export async function loadPackageDirectory(dir: string): Promise<PackageDirectoryLoader> {
	const loader = new LazyPackageDirectoryLoader(dir);
	await loader.loadAll();
	return loader;
}

/** Node and credential types of the loaded packages, looked up by `<package name>.<node name>`. */
export class LocalNodeTypes implements INodeTypes {
	constructor(private readonly loaders: PackageDirectoryLoader[]) {}

	private lookup(type: string): INodeType | IVersionedNodeType | undefined {
		for (const loader of this.loaders) {
			for (const prefix of [`${loader.packageName}.`, CUSTOM_PREFIX]) {
				if (!type.startsWith(prefix)) continue;
				const name = type.slice(prefix.length);
				if (name in loader.nodeTypes || name in loader.known.nodes) return loader.getNode(name).type;
			}
		}
		return undefined;
	}

	private find(type: string, node?: INode): INodeType | IVersionedNodeType {
		const found = this.lookup(type);
		if (!found) throw new UnknownNodeTypeError(type, node?.name, this.loaders.map((loader) => loader.packageName));
		return found;
	}

	/** Throws an UnknownNodeTypeError naming the first node whose type is not available. */
	assertAvailable(nodes: INode[]): void {
		for (const node of nodes) this.find(node.type, node);
	}

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.find(type);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.find(type), version);
	}

	getKnownTypes() {
		const known: Record<string, { className: string; sourcePath: string }> = {};
		for (const loader of this.loaders) {
			for (const [name, entry] of Object.entries(loader.known.nodes)) known[`${loader.packageName}.${name}`] = entry;
		}
		return known;
	}

	getCredentialType(name: string): ICredentialType {
		for (const loader of this.loaders) {
			if (name in loader.credentialTypes || name in loader.known.credentials) return loader.getCredential(name).type;
		}
		throw new Error(`Unknown credential type: ${name}`);
	}
}

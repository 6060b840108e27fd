import type { PackageDirectoryLoader } from 'n8n-core';
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

/** Prefix n8n gives nodes loaded from N8N_CUSTOM_EXTENSIONS; accepted as an alias of any loaded package. */
const CUSTOM_PREFIX = 'CUSTOM.';

/** Node and credential types of the loaded packages, looked up by `<package name>.<node name>`. */
export class LocalNodeTypes implements INodeTypes {
	constructor(private readonly loaders: PackageDirectoryLoader[]) {}

	private find(type: string): INodeType | IVersionedNodeType {
		for (const loader of this.loaders) {
			for (const prefix of [`${loader.packageName}.`, CUSTOM_PREFIX]) {
				if (!type.startsWith(prefix)) continue;
				const found = loader.nodeTypes[type.slice(prefix.length)];
				if (found) return found.type;
			}
		}
		throw new Error(`Unknown node type: ${type}`);
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
			const found = loader.credentialTypes[name];
			if (found) return found.type;
		}
		throw new Error(`Unknown credential type: ${name}`);
	}
}

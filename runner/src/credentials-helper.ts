import { ICredentialsHelper, isExpression } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';

import type { LocalNodeTypes } from './node-types';

type ResolveExpression = (value: string, credentials: ICredentialDataDecryptedObject) => string;

/**
 * Credentials kept in memory, keyed by the credential id a node names or by credential type name. Implements both
 * kinds of `authenticate`: a function, and the generic `{ type: 'generic', properties: { headers | qs | body | auth } }`
 * object with expressions over `$credentials`, the way n8n's own CredentialsHelper does.
 */
export class InMemoryCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly registry: LocalNodeTypes,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const resolve: ResolveExpression | undefined =
			workflow && node
				? (value, creds) =>
						String(
							workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: creds }, undefined, '') ??
								'',
						)
				: undefined;
		return await applyAuthentication(this.registry, credentials, typeName, requestOptions, resolve);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('getCredentials is not supported by the headless runner');
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, details: INodeCredentialsDetails, type: string) {
		const found = (details.id ? this.data[details.id] : undefined) ?? this.data[type];
		if (!found) throw new Error(`No credentials configured for type "${type}"${details.id ? ` or id "${details.id}"` : ''}`);
		return found;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.registry.getCredentialType(type).properties;
	}
}

/** Applies a credential type's `authenticate` to a request; `resolve` evaluates `={{ … }}` expressions. */
export async function applyAuthentication(
	registry: LocalNodeTypes,
	credentials: ICredentialDataDecryptedObject,
	typeName: string,
	requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	resolve?: ResolveExpression,
): Promise<IHttpRequestOptions> {
	const auth = registry.getCredentialType(typeName).authenticate;
	if (typeof auth === 'function') return await auth(credentials, requestOptions as IHttpRequestOptions);
	if (auth?.type === 'generic') {
		const value = (raw: string) => (isExpression(raw) ? (resolve ? resolve(raw, credentials) : raw) : raw);
		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, outer] of Object.entries(auth.properties)) {
			target[outerKey] ??= {};
			for (const [key, raw] of Object.entries(outer as Record<string, string>)) target[outerKey][value(key)] = value(raw);
		}
	}
	return requestOptions as IHttpRequestOptions;
}

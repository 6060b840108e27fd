import { initAuthCreds, proto, type AuthenticationCreds, type AuthenticationState, type SignalDataTypeMap } from '@whiskeysockets/baileys';
import type { AuthStore } from '../store/auth-store.js';

export interface SqliteAuthState {
	state: AuthenticationState;
	/** Persist `state.creds`; call on every `creds.update`. */
	saveCreds: () => void;
}

/**
 * Baileys' AuthenticationState backed by the engine's SQLite AuthStore (instead of `useMultiFileAuthState`,
 * which Baileys itself says not to use in production: a file per key, no atomicity across keys).
 */
export function useSqliteAuthState(store: AuthStore, sessionId: string): SqliteAuthState {
	const creds: AuthenticationCreds = store.readCreds<AuthenticationCreds>(sessionId) ?? initAuthCreds();
	return {
		state: {
			creds,
			keys: {
				get: <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
					const found = store.readKeys(sessionId, type, ids) as Record<string, SignalDataTypeMap[T]>;
					if (type === 'app-state-sync-key') {
						// Baileys expects a protobuf instance here, not the plain object JSON gives back.
						for (const id of Object.keys(found)) {
							found[id] = proto.Message.AppStateSyncKeyData.fromObject(found[id] as object) as unknown as SignalDataTypeMap[T];
						}
					}
					return found;
				},
				set: (data) => store.writeKeys(sessionId, data as Record<string, Record<string, unknown>>),
				clear: () => store.clearKeys(sessionId),
			},
		},
		saveCreds: () => store.writeCreds(sessionId, creds),
	};
}

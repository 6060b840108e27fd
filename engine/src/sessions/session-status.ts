import type { StopReason } from './reconnect-policy.js';

/**
 * The states a session moves through. `connecting` → `awaiting_qr` / `awaiting_pairing_code` → `connected`;
 * on a lost connection `reconnecting` (with backoff) → `connecting`; terminal: `stopped`, `logged_out`, `failed`.
 */
export const sessionStates = [
	'stopped',
	'connecting',
	'awaiting_qr',
	'awaiting_pairing_code',
	'connected',
	'reconnecting',
	'logged_out',
	'failed',
] as const;
export type SessionState = (typeof sessionStates)[number];

export interface SessionProblem {
	/** Machine-readable: a StopReason, or `connection_error` while retrying. */
	code: StopReason | 'connection_error' | 'disconnected';
	message: string;
	/** WhatsApp/Baileys close code when there was one. */
	closeCode?: number;
}

export interface SessionStatus {
	state: SessionState;
	/** Why the session is not connected (last problem), absent when connected. */
	problem?: SessionProblem;
	/** The linked account, once paired. */
	me?: { jid: string; phone: string; lid?: string; name?: string };
	/** While reconnecting: consecutive failures and when the next attempt starts (epoch ms). */
	retry?: { attempt: number; nextAttemptAt: number };
	lastConnectedAt?: number;
}

export interface PendingQr {
	/** The raw string to encode as a QR code (what the phone scans). */
	value: string;
	/** Epoch ms after which WhatsApp moves on to the next code. */
	expiresAt: number;
}

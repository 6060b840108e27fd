/**
 * What a session does after its WhatsApp connection closes. Pure and synchronous, so every close code can be
 * tested without a socket. Codes are Baileys' DisconnectReason values (WhatsApp stream error codes).
 */

export interface BackoffSettings {
	/** Delay before the first retry. */
	baseMs: number;
	/** Upper bound of any single delay. */
	maxMs: number;
}

/** Why a session stopped trying, as reported by its status. */
export type StopReason = 'replaced' | 'logged_out' | 'qr_timeout' | 'forbidden' | 'multidevice_mismatch';

export type NextStep =
	/** The server asked for a new socket right away (515 after pairing): reconnect now, no backoff. */
	| { action: 'restart' }
	/** A transient failure: wait, then reconnect. `attempt` counts consecutive failures from 1. */
	| { action: 'retry'; attempt: number; delayMs: number }
	/** Reconnecting cannot help. `wipeCredentials` when WhatsApp has forgotten this device. */
	| { action: 'stop'; reason: StopReason; wipeCredentials: boolean; message: string };

export const CloseCode = {
	connectionClosed: 428,
	connectionLost: 408,
	loggedOut: 401,
	forbidden: 403,
	connectionReplaced: 440,
	restartRequired: 515,
	multideviceMismatch: 411,
	badSession: 500,
	unavailableService: 503,
} as const;

export interface CloseEvent {
	/** HTTP-like status Baileys attached to the close, undefined when the socket died without one. */
	code: number | undefined;
	/** Baileys' error message, used to tell "QR refs attempts ended" apart from a lost connection (both 408). */
	message?: string;
	/** The session was waiting for a QR scan / pairing code (not logged in yet). */
	pairing: boolean;
}

/**
 * @param failures consecutive failed attempts before this close (0 after a successful open)
 * @param random injectable for tests; the jitter source
 */
export function nextStep(
	close: CloseEvent,
	failures: number,
	backoff: BackoffSettings,
	random: () => number = Math.random,
): NextStep {
	switch (close.code) {
		case CloseCode.restartRequired:
			return { action: 'restart' };
		case CloseCode.connectionReplaced:
			return {
				action: 'stop',
				reason: 'replaced',
				wipeCredentials: false,
				message: 'Another connection with the same credentials replaced this one; connect again to take over.',
			};
		case CloseCode.loggedOut:
			return {
				action: 'stop',
				reason: 'logged_out',
				wipeCredentials: true,
				message: 'WhatsApp logged this device out (removed from the phone or session invalid); pair again.',
			};
		case CloseCode.forbidden:
			return {
				action: 'stop',
				reason: 'forbidden',
				wipeCredentials: false,
				message: 'WhatsApp refused this account (403); it may be banned or restricted.',
			};
		case CloseCode.multideviceMismatch:
			return {
				action: 'stop',
				reason: 'multidevice_mismatch',
				wipeCredentials: true,
				message: 'WhatsApp asked for a multi-device re-link (411); pair again.',
			};
	}
	if (close.pairing && close.code === CloseCode.connectionLost && /QR refs attempts ended/i.test(close.message ?? '')) {
		return {
			action: 'stop',
			reason: 'qr_timeout',
			wipeCredentials: false,
			message: 'No QR code was scanned before they ran out; connect again for new ones.',
		};
	}
	return { action: 'retry', attempt: failures + 1, delayMs: backoffDelay(failures, backoff, random) };
}

/**
 * Exponential backoff with "equal jitter": half the window is fixed, half random, so retries of many sessions
 * spread out but never collapse to zero.
 */
export function backoffDelay(failures: number, { baseMs, maxMs }: BackoffSettings, random: () => number): number {
	const window = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
	return Math.round(window / 2 + random() * (window / 2));
}

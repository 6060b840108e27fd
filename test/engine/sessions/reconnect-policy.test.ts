import { backoffDelay, CloseCode, nextStep } from '../../../engine/src/sessions/reconnect-policy.js';

const backoff = { baseMs: 1000, maxMs: 60_000 };
const half = () => 0.5;

describe('nextStep', () => {
	it('restarts at once on 515 restart-required, without counting a failure', () => {
		expect(nextStep({ code: CloseCode.restartRequired, pairing: true }, 3, backoff)).toEqual({ action: 'restart' });
	});

	it('stops with reason "replaced" on 440 and keeps credentials', () => {
		const step = nextStep({ code: CloseCode.connectionReplaced, pairing: false }, 0, backoff);
		expect(step).toMatchObject({ action: 'stop', reason: 'replaced', wipeCredentials: false });
	});

	it('wipes credentials and reports logged out on 401', () => {
		const step = nextStep({ code: CloseCode.loggedOut, pairing: false }, 0, backoff);
		expect(step).toMatchObject({ action: 'stop', reason: 'logged_out', wipeCredentials: true });
	});

	it('stops on 403 forbidden and on 411 multi-device mismatch', () => {
		expect(nextStep({ code: CloseCode.forbidden, pairing: false }, 0, backoff)).toMatchObject({ action: 'stop', reason: 'forbidden' });
		expect(nextStep({ code: CloseCode.multideviceMismatch, pairing: false }, 0, backoff)).toMatchObject({
			action: 'stop',
			reason: 'multidevice_mismatch',
			wipeCredentials: true,
		});
	});

	it('ends in qr_timeout when the QR references run out while pairing', () => {
		const step = nextStep({ code: 408, message: 'QR refs attempts ended', pairing: true }, 0, backoff);
		expect(step).toMatchObject({ action: 'stop', reason: 'qr_timeout', wipeCredentials: false });
	});

	it.each([
		['connection lost', CloseCode.connectionLost],
		['connection closed', CloseCode.connectionClosed],
		['service unavailable', CloseCode.unavailableService],
		['bad session', CloseCode.badSession],
		['gateway timeout', 504],
		['no close code at all', undefined],
	])('retries with backoff on %s', (_label, code) => {
		const step = nextStep({ code, message: 'boom', pairing: false }, 2, backoff, half);
		expect(step).toEqual({ action: 'retry', attempt: 3, delayMs: backoffDelay(2, backoff, half) });
	});

	it('treats a 408 that is not a QR timeout as a lost connection', () => {
		expect(nextStep({ code: 408, message: 'Connection was lost', pairing: true }, 0, backoff, half)).toMatchObject({ action: 'retry', attempt: 1 });
	});
});

describe('backoffDelay', () => {
	it('doubles per failure', () => {
		const delays = [0, 1, 2, 3].map((failures) => backoffDelay(failures, backoff, () => 1));
		expect(delays).toEqual([1000, 2000, 4000, 8000]);
	});

	it('never exceeds the cap, however many failures', () => {
		expect(backoffDelay(50, backoff, () => 1)).toBe(60_000);
		expect(backoffDelay(5000, backoff, () => 0.999)).toBeLessThanOrEqual(60_000);
	});

	it('jitters within the upper half of the window', () => {
		expect(backoffDelay(3, backoff, () => 0)).toBe(4000);
		expect(backoffDelay(3, backoff, () => 1)).toBe(8000);
		const spread = new Set(Array.from({ length: 20 }, (_, i) => backoffDelay(3, backoff, () => i / 20)));
		expect(spread.size).toBe(20);
	});
});

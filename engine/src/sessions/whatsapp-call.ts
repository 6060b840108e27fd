import { HttpError, notSupported } from '../lib/errors.js';

/**
 * Runs one Baileys call and turns its Boom errors into HTTP errors: WhatsApp refusing is a 502, a timeout a 504.
 * An HttpError from the engine itself passes through unchanged.
 */
export async function whatsapp<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (error instanceof HttpError) throw error;
		const boom = error as { output?: { statusCode?: number }; message?: string };
		const status = boom.output?.statusCode;
		if (status === 408) throw new HttpError(504, 'whatsapp_timeout', `WhatsApp did not answer in time: ${boom.message ?? 'timed out'}`);
		if (status !== undefined) throw new HttpError(502, 'whatsapp_refused', `WhatsApp refused the request (${status}): ${boom.message ?? 'error'}`);
		throw error;
	}
}

/**
 * App-state changes (star, archive, pin, contacts, delete for me) need the sync keys the phone shares; without them
 * WhatsApp cannot do it, which is a 422 with the reason rather than a crash.
 */
export async function appState<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await whatsapp(call);
	} catch (error) {
		const message = (error as Error).message ?? '';
		if (/app state key|myAppStateKey|not present|key not found/i.test(message)) {
			throw notSupported(
				`This session has no app-state sync key yet (the phone shares it after linking), so WhatsApp cannot sync this change: ${message}`,
			);
		}
		throw error;
	}
}

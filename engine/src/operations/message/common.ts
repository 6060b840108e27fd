import type { EngineServices } from '../../services.js';
import type { SendOptions } from '../../sessions/message-actions.js';
import type { OutgoingMessage } from '../../sessions/outgoing.js';

/** The common send options out of a validated body. */
export const sendOptionsOf = (body: { replyTo?: string; forwarded?: boolean; ephemeralSeconds?: number; echo?: boolean }): SendOptions => ({
	...(body.replyTo && { replyTo: body.replyTo }),
	...(body.forwarded && { forwarded: true }),
	...(body.ephemeralSeconds !== undefined && { ephemeralSeconds: body.ephemeralSeconds }),
	...(body.echo !== undefined && { echo: body.echo }),
});

/** Sends `message` from `session` to `to` and answers like every send operation. */
export async function sendAndAnswer(
	services: EngineServices,
	session: string,
	to: string,
	message: OutgoingMessage,
	body: { replyTo?: string; forwarded?: boolean; ephemeralSeconds?: number; echo?: boolean },
) {
	const sent = await services.sessions.session(session).send(to, message, sendOptionsOf(body));
	return { ...sent, to };
}

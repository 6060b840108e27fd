import { z } from 'zod';
import type { EngineServices } from '../../services.js';
import type { SessionSettings } from '../../store/settings-repo.js';
import { defineOperation, type AnyOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';

/** The session's settings; 404 for an unknown session. */
export function readSettings(services: EngineServices, session: string): SessionSettings {
	services.sessions.record(session);
	return services.settings.get(session);
}

/** Stores a change and hands the result to the live session, so it acts on it from now on. */
export function changeSettings(services: EngineServices, session: string, change: Partial<SessionSettings>): SessionSettings {
	services.sessions.record(session);
	const next = services.settings.update(session, change);
	services.sessions.session(session).configure(next);
	return next;
}

type Flag = 'apiEcho' | 'skipMediaDownload' | 'skipGroups' | 'skipNewsletters' | 'skipBroadcasts' | 'skipOwnMessages' | 'autoPresenceUnavailable';

const enabledResult = z.object({ enabled: z.boolean() }).describe('SettingEnabled');

interface FlagDoc {
	/** The URL segment: `/api/sessions/{session}/settings/<slug>`. */
	slug: string;
	/** What turning it on does, as the set operation's description. */
	description: string;
	/** The summary of the set operation; the get operation reads it back. */
	summary: string;
}

/** `PUT …/settings/<slug>` `{ enabled }`: one on/off setting. */
export const setFlag = (name: string, key: Flag, doc: FlagDoc): AnyOperation =>
	defineOperation({
		resource: 'settings',
		name,
		summary: doc.summary,
		description: doc.description,
		method: 'put',
		path: `/api/sessions/{session}/settings/${doc.slug}`,
		scope: 'session',
		params: sessionParams,
		body: z.object({ enabled: z.boolean() }).strict(),
		response: { schema: enabledResult },
		handler: ({ params, body, services }) => ({ enabled: changeSettings(services, params.session, { [key]: body.enabled })[key] }),
	});

/** `GET …/settings/<slug>`: reads back an on/off setting (its default when never set). */
export const getFlag = (name: string, key: Flag, doc: Pick<FlagDoc, 'slug' | 'summary'>): AnyOperation =>
	defineOperation({
		resource: 'settings',
		name,
		summary: doc.summary,
		method: 'get',
		path: `/api/sessions/{session}/settings/${doc.slug}`,
		scope: 'session',
		params: sessionParams,
		response: { schema: enabledResult },
		handler: ({ params, services }) => ({ enabled: readSettings(services, params.session)[key] }),
	});

export const callAutoRejectView = z
	.object({ enabled: z.boolean(), rejectMessage: z.string().optional(), rejectType: z.literal('declined') })
	.describe('CallAutoReject');

export const globalTransportSkipsView = z.object({ skipGlobalWebhook: z.boolean() }).describe('GlobalTransportSkips');

import { z } from 'zod';
import { badRequest } from '../../lib/errors.js';
import { proxyProtocols, redactProxyUrl } from '../../sessions/proxy.js';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { changeSettings, readSettings } from './common.js';

const proxyUrl = z
	.url({ protocol: new RegExp(`^(${proxyProtocols.map((p) => p.slice(0, -1)).join('|')})$`) })
	.describe('http://host:port, https://host:port or socks5://user:pass@host:port');

export default defineOperation({
	resource: 'settings',
	name: 'setProxy',
	summary: "Set or turn off the session's proxy",
	description:
		"The session's WhatsApp connection, media uploads and media downloads go through this HTTP(S) proxy (tunnelled with CONNECT) or SOCKS5 proxy. " +
		'It takes effect on the next connect: call session.reconnect to apply it now. The answer shows the URL with its password hidden.',
	method: 'put',
	path: '/api/sessions/{session}/settings/proxy',
	scope: 'session',
	params: sessionParams,
	body: z.object({ enable: z.boolean(), proxyUrl: proxyUrl.optional() }).strict(),
	response: { schema: z.object({ enabled: z.boolean(), proxyUrl: z.string().optional(), appliesOnReconnect: z.literal(true) }).describe('ProxySetting') },
	handler: ({ params, body, services }) => {
		const url = body.proxyUrl ?? readSettings(services, params.session).proxy.url;
		if (body.enable && !url) throw badRequest('proxyUrl is required to enable the proxy.');
		const { proxy } = changeSettings(services, params.session, { proxy: { enabled: body.enable, ...(url && { url }) } });
		return { enabled: proxy.enabled, ...(proxy.url && { proxyUrl: redactProxyUrl(proxy.url) }), appliesOnReconnect: true as const };
	},
});

import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import { platformName } from '../../sessions/contact-actions.js';
import { defineOperation } from '../registry.js';

export default defineOperation({
	resource: 'contact',
	name: 'getDevicePlatform',
	summary: 'The name of a device platform code (1 = CHROME, 7 = DESKTOP, 14 = IOS_PHONE, ...)',
	description:
		"A static lookup, no WhatsApp call: the `DeviceProps.PlatformType` code a device announces when it links (the last field of a pairing QR code). A device's number in a JID (`:3`) is not a platform: 0 is always the phone, others are numbered in order of linking.",
	method: 'get',
	path: '/api/device-platforms/{platformId}',
	scope: 'any',
	params: z.object({ platformId: z.coerce.number().int().min(0).max(1000) }),
	response: { schema: z.object({ platformId: z.number().int(), platform: z.string() }).describe('DevicePlatform') },
	handler: ({ params }) => {
		const platform = platformName(params.platformId);
		if (!platform) throw notFound('platform_not_found', `WhatsApp defines no device platform ${params.platformId}.`);
		return { platformId: params.platformId, platform };
	},
});

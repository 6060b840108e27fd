import { z } from 'zod';
import { pictureNotFound } from '../../sessions/contact-actions.js';
import { defineOperation } from '../registry.js';
import { recipient, sessionId } from '../schemas.js';

const flag = z.enum(['true', 'false']).default('false').transform((value) => value === 'true');

export default defineOperation({
	resource: 'contact',
	name: 'getProfilePicture',
	summary: 'The profile picture of a user or group: its URL, or the image itself',
	description:
		'`preview=true` asks for the small thumbnail instead of the full picture (640×640). `format=image` answers with the JPEG itself. 404 when there is no picture or privacy settings hide it. WhatsApp\'s URLs expire after a while.',
	method: 'get',
	path: '/api/sessions/{session}/contacts/{contact}/picture',
	scope: 'session',
	params: z.object({ session: sessionId, contact: recipient }),
	query: z.object({
		preview: flag.describe('The thumbnail instead of the full picture'),
		format: z.enum(['json', 'image']).default('json'),
	}),
	response: {
		schema: z.object({ jid: z.string(), type: z.enum(['image', 'preview']), url: z.string() }).describe('ProfilePicture'),
		binary: ['image/jpeg'],
	},
	handler: async ({ params, query, services }) => {
		const contacts = services.sessions.session(params.session).contacts;
		const type = query.preview ? ('preview' as const) : ('image' as const);
		if (query.format === 'image') {
			const file = await contacts.pictureFile(params.contact, type, services.sandbox?.mediaDownloadOptions().options ?? {});
			return { binary: file.data, mimeType: file.mimetype, fileName: file.fileName };
		}
		const url = await contacts.pictureUrl(params.contact, type);
		if (!url) throw pictureNotFound(params.contact);
		return { jid: params.contact, type, url };
	},
});

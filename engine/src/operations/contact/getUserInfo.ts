import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionParams } from '../schemas.js';
import { userAddress, userInfo } from './schemas.js';

export default defineOperation({
	resource: 'contact',
	name: 'getUserInfo',
	summary: 'What WhatsApp tells about several users: account, about text, picture, devices, LID, business profile',
	description:
		'One answer per user, in the order asked. A LID is looked up by its phone number when this session knows it. WhatsApp does not hand out the verified-name certificate of business accounts.',
	method: 'post',
	path: '/api/sessions/{session}/contacts/info',
	scope: 'session',
	params: sessionParams,
	body: z.object({ phones: z.array(userAddress).min(1).max(20).describe('Phone numbers, JIDs or LIDs') }).strict(),
	response: { schema: z.array(userInfo) },
	handler: ({ params, body, services }) => services.sessions.session(params.session).contacts.userInfo([...new Set(body.phones)]),
});

import QRCode from 'qrcode';
import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { sessionId, sessionStatus } from '../schemas.js';

export default defineOperation({
	resource: 'instance',
	name: 'listInstancesStatus',
	summary: 'Connection health of many sessions at once, with the pending QR code of unpaired ones',
	method: 'get',
	path: '/api/sessions-status',
	scope: 'admin',
	query: z.object({
		limit: z.coerce.number().int().min(1).max(1000).default(200),
		offset: z.coerce.number().int().min(0).default(0),
		ids: z
			.string()
			.optional()
			.transform((ids) => ids?.split(',').map((id) => id.trim()).filter(Boolean))
			.pipe(z.array(sessionId).optional())
			.describe('Comma-separated session ids'),
		includeTotal: z.coerce.boolean().default(false),
	}),
	response: {
		schema: z.object({
			items: z.array(
				z.object({
					id: z.string(),
					status: sessionStatus,
					qr: z.object({ value: z.string(), expiresAt: z.number().int(), dataUrl: z.string() }).optional(),
				}),
			),
			total: z.number().int().optional(),
		}),
	},
	handler: async ({ query, services }) => {
		const all = services.sessions.list().filter((view) => !query.ids || query.ids.includes(view.id));
		const page = all.slice(query.offset, query.offset + query.limit);
		const items = await Promise.all(
			page.map(async (view) => {
				const qr = services.sessions.session(view.id).qr;
				return {
					id: view.id,
					status: view.status,
					...(qr && { qr: { ...qr, dataUrl: await QRCode.toDataURL(qr.value, { margin: 2, width: 320 }) } }),
				};
			}),
		);
		return { items, ...(query.includeTotal && { total: all.length }) };
	},
});

import { z } from 'zod';
import { defineOperation } from '../registry.js';
import { recipient, sendOptionsShape, sentMessage, sessionParams } from '../schemas.js';
import { sendAndAnswer } from './common.js';
import { RENDERING_CAVEAT, button, headerMedia, loadHeader, toButtons } from './interactive.js';

export default defineOperation({
	resource: 'message',
	name: 'sendCarousel',
	summary: 'Send a carousel of cards with media and buttons (may not render on phones)',
	description: `Up to 10 cards, each with text, optional image/video header and 1-3 buttons. ${RENDERING_CAVEAT}`,
	method: 'post',
	path: '/api/sessions/{session}/messages/carousel',
	scope: 'session',
	params: sessionParams,
	body: z
		.object({
			to: recipient,
			text: z.string().min(1).max(1024).describe('Intro text above the cards'),
			footer: z.string().max(60).optional(),
			cards: z
				.array(
					z
						.object({
							text: z.string().min(1).max(1024),
							title: z.string().max(60).optional(),
							footer: z.string().max(60).optional(),
							header: headerMedia.optional(),
							buttons: z.array(button).min(1).max(3),
						})
						.strict(),
				)
				.min(1)
				.max(10),
			...sendOptionsShape,
		})
		.strict(),
	response: { status: 201, schema: sentMessage },
	handler: async ({ params, body, services }) => {
		const cards = [];
		for (const card of body.cards) {
			cards.push({ text: card.text, title: card.title, footer: card.footer, header: await loadHeader(card.header, services, params.session), buttons: toButtons(card.buttons) });
		}
		return sendAndAnswer(services, params.session, body.to, { kind: 'carousel', text: body.text, footer: body.footer, cards }, body);
	},
});

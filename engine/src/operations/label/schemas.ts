import { z } from 'zod';
import { chatParams } from '../chat/schemas.js';
import { messageId } from '../schemas.js';

/** WhatsApp label ids are short strings the creating device picks (the Business app uses numbers). */
export const labelId = z.string().regex(/^[\w.-]{1,64}$/, 'a label id: letters, digits, "_", "-", "."').describe('Label id');

export const chatLabelParams = chatParams.extend({ labelId });
export const messageLabelParams = chatParams.extend({ messageId, labelId });

export const labelAssociation = z
	.object({ ok: z.literal(true), chat: z.string(), labelId: z.string(), applied: z.boolean() })
	.catchall(z.unknown())
	.describe('LabelAssociation');

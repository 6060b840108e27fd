import { z } from 'zod';
import { PRIVACY_SETTINGS, type PrivacySetting } from '../../sessions/privacy-actions.js';

export const privacySettingNames = Object.keys(PRIVACY_SETTINGS) as [PrivacySetting, ...PrivacySetting[]];

export const privacyValue = z.string().describe('all | contacts | contact_blacklist | none | match_last_seen | known, as the setting allows');

/** What each setting accepts, for the docs and for the 400 answer to a value the setting does not take. */
export const allowedValuesText = privacySettingNames.map((name) => `${name}: ${PRIVACY_SETTINGS[name].values.join(' | ')}`).join('; ');

export const privacySettings = z
	.object(Object.fromEntries(privacySettingNames.map((name) => [name, privacyValue.optional()])) as Record<PrivacySetting, z.ZodOptional<typeof privacyValue>>)
	.extend({ other: z.record(z.string(), z.string()).describe("Further WhatsApp privacy categories, by WhatsApp's name (messages, defense, …)") })
	.describe('PrivacySettings');

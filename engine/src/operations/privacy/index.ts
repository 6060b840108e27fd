import type { AnyOperation } from '../registry.js';
import getBlocklist from './getBlocklist.js';
import getPrivacySettings from './getPrivacySettings.js';
import getStatusPrivacy from './getStatusPrivacy.js';
import listStatusAudience from './listStatusAudience.js';
import setDefaultDisappearingTimer from './setDefaultDisappearingTimer.js';
import updateBlocklist from './updateBlocklist.js';
import updatePrivacySetting from './updatePrivacySetting.js';

/** The privacy resource's operations, in the order the docs list them. */
export const privacyOperations: AnyOperation[] = [
	getPrivacySettings,
	updatePrivacySetting,
	setDefaultDisappearingTimer,
	getBlocklist,
	updateBlocklist,
	getStatusPrivacy,
	listStatusAudience,
];

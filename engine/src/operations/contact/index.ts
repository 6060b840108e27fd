import type { AnyOperation } from '../registry.js';
import checkOnWhatsApp from './checkOnWhatsApp.js';
import getContactInfo from './getContactInfo.js';
import getDevicePlatform from './getDevicePlatform.js';
import getLidForPhone from './getLidForPhone.js';
import getLinkedDevices from './getLinkedDevices.js';
import getPhoneForLid from './getPhoneForLid.js';
import getProfilePicture from './getProfilePicture.js';
import getUserDevices from './getUserDevices.js';
import getUserInfo from './getUserInfo.js';
import listContacts from './listContacts.js';
import listLidMappings from './listLidMappings.js';
import removeContact from './removeContact.js';
import upsertContact from './upsertContact.js';

/** The contact resource's operations, in the order the docs list them. */
export const contactOperations: AnyOperation[] = [
	getUserInfo,
	checkOnWhatsApp,
	getProfilePicture,
	listContacts,
	getContactInfo,
	upsertContact,
	removeContact,
	getLidForPhone,
	getPhoneForLid,
	listLidMappings,
	getUserDevices,
	getLinkedDevices,
	getDevicePlatform,
];

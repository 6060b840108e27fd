import type { INodeProperties } from 'n8n-workflow';

import * as checkOnWhatsApp from './checkOnWhatsApp.operation';
import * as getContactInfo from './getContactInfo.operation';
import * as getDevicePlatform from './getDevicePlatform.operation';
import * as getLidForPhone from './getLidForPhone.operation';
import * as getLinkedDevices from './getLinkedDevices.operation';
import * as getPhoneForLid from './getPhoneForLid.operation';
import * as getProfilePicture from './getProfilePicture.operation';
import * as getUserDevices from './getUserDevices.operation';
import * as getUserInfo from './getUserInfo.operation';
import * as listContacts from './listContacts.operation';
import * as listLidMappings from './listLidMappings.operation';
import * as removeContact from './removeContact.operation';
import * as upsertContact from './upsertContact.operation';

export {
	checkOnWhatsApp,
	getContactInfo,
	getDevicePlatform,
	getLidForPhone,
	getLinkedDevices,
	getPhoneForLid,
	getProfilePicture,
	getUserDevices,
	getUserInfo,
	listContacts,
	listLidMappings,
	removeContact,
	upsertContact,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add or Rename',
				value: 'upsertContact',
				description: "Add a contact to the phone's address book, or rename it",
				action: 'Add or rename a contact',
			},
			{
				name: 'Check on WhatsApp',
				value: 'checkOnWhatsApp',
				description: 'Check which phone numbers have a WhatsApp account',
				action: 'Check whether numbers have an account',
			},
			{
				name: 'Get',
				value: 'getContactInfo',
				description: 'Everything WhatsApp tells about one person, from a phone number, JID or LID',
				action: 'Get a contact',
			},
			{
				name: 'Get Device Platform',
				value: 'getDevicePlatform',
				description: 'The name of a device platform code (1 = CHROME, 14 = IOS_PHONE, ...)',
				action: 'Get a device platform name',
			},
			{
				name: 'Get LID for Phone',
				value: 'getLidForPhone',
				description: "The LID (WhatsApp's phone-number-free ID) of a phone number",
				action: 'Get the LID of a phone number',
			},
			{
				name: 'Get Linked Devices',
				value: 'getLinkedDevices',
				description: "The devices of the session's own account: the phone and every linked device",
				action: 'Get the linked devices',
			},
			{
				name: 'Get Many',
				value: 'listContacts',
				description: "List the account's contacts: saved name, push name, business name, phone number and LID",
				action: 'Get many contacts',
			},
			{
				name: 'Get Many LID Mappings',
				value: 'listLidMappings',
				description: 'List the LID ↔ phone number mappings the session knows',
				action: 'Get many LID mappings',
			},
			{
				name: 'Get Phone for LID',
				value: 'getPhoneForLid',
				description: 'The phone number behind a LID, when the session has learned it',
				action: 'Get the phone number of a LID',
			},
			{
				name: 'Get Profile Picture',
				value: 'getProfilePicture',
				description: 'The profile picture of a user or group: its URL, or the image as binary data',
				action: 'Get a profile picture',
			},
			{
				name: 'Get User Devices',
				value: 'getUserDevices',
				description: 'The devices of one or more users: the phone and each linked device',
				action: 'Get the devices of users',
			},
			{
				name: 'Get User Info',
				value: 'getUserInfo',
				description: 'About text, picture, devices, LID and business profile of several users',
				action: 'Get info about users',
			},
			{
				name: 'Remove',
				value: 'removeContact',
				description: "Remove a contact from the phone's address book",
				action: 'Remove a contact',
			},
		],
		default: 'getContactInfo',
	},
	...checkOnWhatsApp.description,
	...getContactInfo.description,
	...getDevicePlatform.description,
	...getLidForPhone.description,
	...getLinkedDevices.description,
	...getPhoneForLid.description,
	...getProfilePicture.description,
	...getUserDevices.description,
	...getUserInfo.description,
	...listContacts.description,
	...listLidMappings.description,
	...removeContact.description,
	...upsertContact.description,
];

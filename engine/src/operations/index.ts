import listEvents from './event/listEvents.js';
import createGroup from './group/createGroup.js';
import sendImage from './message/sendImage.js';
import sendText from './message/sendText.js';
import type { AnyOperation } from './registry.js';
import createInstance from './instance/createInstance.js';
import deleteInstance from './instance/deleteInstance.js';
import getInstance from './instance/getInstance.js';
import listInstances from './instance/listInstances.js';
import updateInstanceCredentials from './instance/updateInstanceCredentials.js';
import connect from './session/connect.js';
import disconnect from './session/disconnect.js';
import getQrCode from './session/getQrCode.js';
import getSessionStatus from './session/getSessionStatus.js';
import loginWithPairingCode from './session/loginWithPairingCode.js';
import logout from './session/logout.js';
import reconnect from './session/reconnect.js';

/** Every operation the engine serves. Adding one: write its file, list it here. */
export const operations: AnyOperation[] = [
	listInstances,
	createInstance,
	getInstance,
	updateInstanceCredentials,
	deleteInstance,
	connect,
	getQrCode,
	loginWithPairingCode,
	disconnect,
	reconnect,
	logout,
	getSessionStatus,
	sendText,
	sendImage,
	createGroup,
	listEvents,
];

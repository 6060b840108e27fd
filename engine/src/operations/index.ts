import listEvents from './event/listEvents.js';
import { webhookOperations } from './webhook/index.js';
import { chatOperations } from './chat/index.js';
import { contactOperations } from './contact/index.js';
import { profileOperations } from './profile/index.js';
import { settingsOperations } from './settings/index.js';
import { privacyOperations } from './privacy/index.js';
import { callOperations } from './call/index.js';
import { labelOperations } from './label/index.js';
import { statusOperations } from './status/index.js';
import deleteInstanceFull from './instance/deleteInstanceFull.js';
import listInstancesStatus from './instance/listInstancesStatus.js';
import listAppDevices from './session/listAppDevices.js';
import refreshSession from './session/refreshSession.js';
import { groupOperations } from './group/index.js';
import sendText from './message/sendText.js';
import sendLink from './message/sendLink.js';
import sendImage from './message/sendImage.js';
import sendAudio from './message/sendAudio.js';
import sendDocument from './message/sendDocument.js';
import sendVideo from './message/sendVideo.js';
import sendVideoNote from './message/sendVideoNote.js';
import sendSticker from './message/sendSticker.js';
import sendLocation from './message/sendLocation.js';
import sendContact from './message/sendContact.js';
import sendPoll from './message/sendPoll.js';
import sendEvent from './message/sendEvent.js';
import sendList from './message/sendList.js';
import sendButtons from './message/sendButtons.js';
import sendTemplate from './message/sendTemplate.js';
import sendNativeFlow from './message/sendNativeFlow.js';
import sendCarousel from './message/sendCarousel.js';
import sendGroupInvite from './message/sendGroupInvite.js';
import sendPresence from './presence/sendPresence.js';
import sendChatPresence from './presence/sendChatPresence.js';
import revokeMessage from './messageAction/revokeMessage.js';
import deleteMessageForMe from './messageAction/deleteMessageForMe.js';
import reactToMessage from './messageAction/reactToMessage.js';
import editMessage from './messageAction/editMessage.js';
import markAsRead from './messageAction/markAsRead.js';
import markAsPlayed from './messageAction/markAsPlayed.js';
import starMessage from './messageAction/starMessage.js';
import downloadMedia from './media/downloadMedia.js';
import uploadMedia from './media/uploadMedia.js';
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
	deleteInstanceFull,
	listInstancesStatus,
	connect,
	getQrCode,
	loginWithPairingCode,
	disconnect,
	reconnect,
	logout,
	getSessionStatus,
	refreshSession,
	listAppDevices,
	sendText,
	sendLink,
	sendImage,
	sendAudio,
	sendDocument,
	sendVideo,
	sendVideoNote,
	sendSticker,
	sendLocation,
	sendContact,
	sendPoll,
	sendEvent,
	sendList,
	sendButtons,
	sendTemplate,
	sendNativeFlow,
	sendCarousel,
	sendGroupInvite,
	sendPresence,
	sendChatPresence,
	revokeMessage,
	deleteMessageForMe,
	reactToMessage,
	editMessage,
	markAsRead,
	markAsPlayed,
	starMessage,
	downloadMedia,
	uploadMedia,
	...chatOperations,
	...contactOperations,
	...profileOperations,
	...groupOperations,
	...settingsOperations,
	...statusOperations,
	...labelOperations,
	...privacyOperations,
	...callOperations,
	listEvents,
	...webhookOperations,
];

import type {
	AllEntities,
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import type { EngineRoute } from '../transport';

/** Every resource with its operations. Operation values are the engine's operation names and the file names. */
type NodeMap = {
	instance:
		| 'listInstances'
		| 'listInstancesStatus'
		| 'createInstance'
		| 'getInstance'
		| 'updateInstanceCredentials'
		| 'deleteInstance'
		| 'deleteInstanceFull';
	session:
		| 'connect'
		| 'getQrCode'
		| 'loginWithPairingCode'
		| 'disconnect'
		| 'reconnect'
		| 'logout'
		| 'getSessionStatus'
		| 'refreshSession'
		| 'listAppDevices';
	message:
		| 'sendText'
		| 'sendLink'
		| 'sendImage'
		| 'sendAudio'
		| 'sendDocument'
		| 'sendVideo'
		| 'sendVideoNote'
		| 'sendSticker'
		| 'sendLocation'
		| 'sendContact'
		| 'sendPoll'
		| 'sendEvent'
		| 'sendList'
		| 'sendButtons'
		| 'sendTemplate'
		| 'sendNativeFlow'
		| 'sendCarousel'
		| 'sendGroupInvite';
	presence: 'sendPresence' | 'sendChatPresence';
	messageAction:
		| 'revokeMessage'
		| 'deleteMessageForMe'
		| 'reactToMessage'
		| 'editMessage'
		| 'markAsRead'
		| 'markAsPlayed'
		| 'starMessage';
	media: 'downloadMedia' | 'uploadMedia';
	group:
		| 'listGroups'
		| 'getGroupInfo'
		| 'createGroup'
		| 'updateGroupParticipants'
		| 'joinGroupViaInvite'
		| 'getGroupInviteInfo'
		| 'getGroupInviteLink'
		| 'listGroupJoinRequests'
		| 'updateGroupJoinRequests'
		| 'leaveGroup'
		| 'setGroupPhoto'
		| 'removeGroupPhoto'
		| 'setGroupName'
		| 'setGroupDescription'
		| 'setGroupLocked'
		| 'setGroupAnnounce'
		| 'setGroupEphemeral'
		| 'updateGroupInfo'
		| 'deleteGroup';
	chat: 'listChats' | 'getChatMessages' | 'pinChat' | 'archiveChat' | 'muteChat' | 'deleteChat' | 'clearChat';
	contact:
		| 'getUserInfo'
		| 'checkOnWhatsApp'
		| 'getProfilePicture'
		| 'listContacts'
		| 'getContactInfo'
		| 'upsertContact'
		| 'removeContact'
		| 'getLidForPhone'
		| 'getPhoneForLid'
		| 'listLidMappings'
		| 'getUserDevices'
		| 'getLinkedDevices'
		| 'getDevicePlatform';
	profile: 'setPushName' | 'setProfilePicture' | 'removeProfilePicture' | 'getAbout' | 'setAbout';
	status: 'sendTextStatus' | 'sendImageStatus' | 'sendVideoStatus' | 'sendAudioStatus';
	label: 'manageLabel' | 'labelChat' | 'labelMessage';
	privacy:
		| 'getPrivacySettings'
		| 'updatePrivacySetting'
		| 'setDefaultDisappearingTimer'
		| 'getBlocklist'
		| 'updateBlocklist'
		| 'getStatusPrivacy'
		| 'listStatusAudience';
	call: 'rejectCall';
	settings:
		| 'setApiEcho'
		| 'getApiEcho'
		| 'setSkipMediaDownload'
		| 'getSkipMediaDownload'
		| 'setSkipGroups'
		| 'getSkipGroups'
		| 'setSkipNewsletters'
		| 'getSkipNewsletters'
		| 'setSkipBroadcasts'
		| 'getSkipBroadcasts'
		| 'setSkipOwnMessages'
		| 'getSkipOwnMessages'
		| 'setCallAutoReject'
		| 'getCallAutoReject'
		| 'setGlobalTransportSkips'
		| 'getGlobalTransportSkips'
		| 'setAutoPresenceUnavailable'
		| 'getAutoPresenceUnavailable'
		| 'setProxy';
	event: 'listEvents';
	webhook:
		| 'setWebhook'
		| 'getWebhooks'
		| 'getWebhook'
		| 'updateWebhook'
		| 'deleteWebhook'
		| 'deleteAllWebhooks'
		| 'getWebhookStats'
		| 'listWebhookDeadLetters'
		| 'replayWebhookDeadLetters'
		| 'redeliverWebhookEvents';
};

export type WhatsAppType = AllEntities<NodeMap>;

/** An operation's answer that carries binary data (QR image, media) besides its JSON. */
export class BinaryItem {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/** What an operation hands back for one input item: plain JSON (one or many items), or JSON with binary data. */
export type OperationResult = IDataObject | IDataObject[] | BinaryItem;

/** The shape of every `<operation>.operation.ts` module. */
export interface OperationModule {
	/** The engine route this operation calls; the parity test compares it with the engine's registry. */
	route: EngineRoute;
	description: INodeProperties[];
	execute(this: IExecuteFunctions, i: number): Promise<OperationResult>;
}

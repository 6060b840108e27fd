import type { INodeProperties } from 'n8n-workflow';

import * as sendAudio from './sendAudio.operation';
import * as sendButtons from './sendButtons.operation';
import * as sendCarousel from './sendCarousel.operation';
import * as sendContact from './sendContact.operation';
import * as sendDocument from './sendDocument.operation';
import * as sendEvent from './sendEvent.operation';
import * as sendGroupInvite from './sendGroupInvite.operation';
import * as sendImage from './sendImage.operation';
import * as sendLink from './sendLink.operation';
import * as sendList from './sendList.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendNativeFlow from './sendNativeFlow.operation';
import * as sendPoll from './sendPoll.operation';
import * as sendSticker from './sendSticker.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import * as sendVideo from './sendVideo.operation';
import * as sendVideoNote from './sendVideoNote.operation';

export { sendAudio, sendButtons, sendCarousel, sendContact, sendDocument, sendEvent, sendGroupInvite, sendImage, sendLink, sendList, sendLocation, sendNativeFlow, sendPoll, sendSticker, sendTemplate, sendText, sendVideo, sendVideoNote };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: "Send Audio", value: 'sendAudio', description: "Send an audio file, or a voice note (OGG/Opus)", action: "Send an audio file or voice note" },
			{ name: "Send Buttons", value: 'sendButtons', description: "Send a message with reply, URL, call or copy buttons. WhatsApp often does not render this on phones when sent from a linked personal account.", action: "Send a message with buttons" },
			{ name: "Send Carousel", value: 'sendCarousel', description: "Send a carousel of cards with buttons. WhatsApp often does not render this on phones when sent from a linked personal account.", action: "Send a carousel" },
			{ name: "Send Contact", value: 'sendContact', description: "Send a contact card (vCard)", action: "Send a contact card" },
			{ name: "Send Document", value: 'sendDocument', description: "Send any file as a document", action: "Send a document" },
			{ name: "Send Event", value: 'sendEvent', description: "Send a calendar event invitation", action: "Send an event invitation" },
			{ name: "Send Group Invite", value: 'sendGroupInvite', description: "Send an invitation to join a group this account administers", action: "Send a group invitation" },
			{ name: "Send Image", value: 'sendImage', description: "Send an image with an optional caption", action: "Send an image" },
			{ name: "Send Link", value: 'sendLink', description: "Send a URL with a rich link preview and an optional caption", action: "Send a link with a preview" },
			{ name: "Send List", value: 'sendList', description: "Send a single-choice list message. WhatsApp often does not render this on phones when sent from a linked personal account.", action: "Send a list message" },
			{ name: "Send Location", value: 'sendLocation', description: "Send a location pin", action: "Send a location" },
			{ name: "Send Native Flow", value: 'sendNativeFlow', description: "Send a native-flow interactive message with raw flow buttons. WhatsApp often does not render this on phones when sent from a linked personal account.", action: "Send a native flow message" },
			{ name: "Send Poll", value: 'sendPoll', description: "Send a poll with 2-12 options", action: "Send a poll" },
			{ name: "Send Sticker", value: 'sendSticker', description: "Send a WebP sticker", action: "Send a sticker" },
			{ name: "Send Template", value: 'sendTemplate', description: "Send a legacy template message with quick-reply, URL and call buttons (deprecated by WhatsApp). WhatsApp often does not render this on phones when sent from a linked personal account.", action: "Send a template message" },
			{ name: "Send Text", value: 'sendText', description: "Send a text message to a person, group or channel", action: "Send a text message" },
			{ name: "Send Video", value: 'sendVideo', description: "Send a video (MP4) with an optional caption", action: "Send a video" },
			{ name: "Send Video Note", value: 'sendVideoNote', description: "Send a round video note (PTV)", action: "Send a round video note" },
		],
		default: 'sendText',
	},
	...sendAudio.description,
	...sendButtons.description,
	...sendCarousel.description,
	...sendContact.description,
	...sendDocument.description,
	...sendEvent.description,
	...sendGroupInvite.description,
	...sendImage.description,
	...sendLink.description,
	...sendList.description,
	...sendLocation.description,
	...sendNativeFlow.description,
	...sendPoll.description,
	...sendSticker.description,
	...sendTemplate.description,
	...sendText.description,
	...sendVideo.description,
	...sendVideoNote.description,
];

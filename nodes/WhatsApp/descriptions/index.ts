export { getSessionId, sessionLocator, SESSION_ID_REGEX } from './session.description';
export { chatLocator, getRecipient, recipientField } from './recipient.description';
export { mediaFields, readMedia } from './media.description';
export { readSendOptions, sendOptions, splitList } from './sendOptions.description';
export { chatField, chatLocatorField, lastMessageOption, readLastMessage } from './chat.description';

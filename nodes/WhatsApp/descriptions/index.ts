export { getSessionId, sessionLocator, SESSION_ID_REGEX } from './session.description';
export { getRecipient, recipientField } from './recipient.description';
export { mediaFields, readMedia } from './media.description';
export { readSendOptions, sendOptions, splitList } from './sendOptions.description';
export { chatField } from './chat.description';

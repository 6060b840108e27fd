import type { AnyOperation } from '../registry.js';
import contactCall from './contactCall.js';
import contactMarkRead from './contactMarkRead.js';
import contactMessages from './contactMessages.js';
import contactSend from './contactSend.js';
import contactVote from './contactVote.js';
import createContact from './createContact.js';
import injectFault from './injectFault.js';
import listContacts from './listContacts.js';
import scanQr from './scanQr.js';
import updateSettings from './updateSettings.js';

/** The sandbox control API: served only when the engine runs with --sandbox. */
export const sandboxOperations: AnyOperation[] = [createContact, listContacts, scanQr, contactSend, contactMessages, contactMarkRead, contactCall, contactVote, injectFault, updateSettings];

import type { AnyOperation } from '../registry.js';
import archiveChat from './archiveChat.js';
import clearChat from './clearChat.js';
import deleteChat from './deleteChat.js';
import getChatMessages from './getChatMessages.js';
import listChats from './listChats.js';
import muteChat from './muteChat.js';
import pinChat from './pinChat.js';

/** The chat resource's operations, in the order the docs list them. */
export const chatOperations: AnyOperation[] = [listChats, getChatMessages, pinChat, archiveChat, muteChat, deleteChat, clearChat];

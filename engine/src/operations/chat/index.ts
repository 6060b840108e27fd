import type { AnyOperation } from '../registry.js';
import listChats from './listChats.js';

/** The chat resource's operations, in the order the docs list them. */
export const chatOperations: AnyOperation[] = [listChats];

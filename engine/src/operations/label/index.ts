import type { AnyOperation } from '../registry.js';
import labelChat from './labelChat.js';
import labelMessage from './labelMessage.js';
import manageLabel from './manageLabel.js';

/** The label resource's operations, in the order the docs list them. */
export const labelOperations: AnyOperation[] = [manageLabel, labelChat, labelMessage];

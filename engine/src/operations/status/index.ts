import type { AnyOperation } from '../registry.js';
import sendAudioStatus from './sendAudioStatus.js';
import sendImageStatus from './sendImageStatus.js';
import sendTextStatus from './sendTextStatus.js';
import sendVideoStatus from './sendVideoStatus.js';

/** The status resource's operations, in the order the docs list them. */
export const statusOperations: AnyOperation[] = [sendTextStatus, sendImageStatus, sendVideoStatus, sendAudioStatus];

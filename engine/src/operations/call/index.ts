import type { AnyOperation } from '../registry.js';
import rejectCall from './rejectCall.js';

/** The call resource's operations, in the order the docs list them. */
export const callOperations: AnyOperation[] = [rejectCall];

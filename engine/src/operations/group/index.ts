import type { AnyOperation } from '../registry.js';
import createGroup from './createGroup.js';

/** The group resource's operations, in the order the docs list them. */
export const groupOperations: AnyOperation[] = [createGroup];

import type { AnyOperation } from '../registry.js';

/** The status resource's operations, in the order the docs list them. */
export const statusOperations: AnyOperation[] = [];

import type { AnyOperation } from '../registry.js';

/** The profile resource's operations, in the order the docs list them. */
export const profileOperations: AnyOperation[] = [];

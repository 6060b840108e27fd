import type { AnyOperation } from '../registry.js';

/** The contact resource's operations, in the order the docs list them. */
export const contactOperations: AnyOperation[] = [];

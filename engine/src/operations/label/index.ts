import type { AnyOperation } from '../registry.js';

/** The label resource's operations, in the order the docs list them. */
export const labelOperations: AnyOperation[] = [];

import type { AnyOperation } from '../registry.js';

/** The privacy resource's operations, in the order the docs list them. */
export const privacyOperations: AnyOperation[] = [];

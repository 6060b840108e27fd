import type { AnyOperation } from '../registry.js';

/** The settings resource's operations, in the order the docs list them. */
export const settingsOperations: AnyOperation[] = [];

import type { AnyOperation } from '../registry.js';
import getAbout from './getAbout.js';
import removeProfilePicture from './removeProfilePicture.js';
import setAbout from './setAbout.js';
import setProfilePicture from './setProfilePicture.js';
import setPushName from './setPushName.js';

/** The profile resource's operations, in the order the docs list them. */
export const profileOperations: AnyOperation[] = [setPushName, setProfilePicture, removeProfilePicture, getAbout, setAbout];

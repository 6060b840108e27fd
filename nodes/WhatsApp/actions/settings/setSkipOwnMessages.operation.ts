import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setSkipOwnMessages', 'skip-own-messages', 'Skip Own Messages', 'Whether messages this account sends from the phone or other devices are dropped (API sends follow Echo API Sends)');

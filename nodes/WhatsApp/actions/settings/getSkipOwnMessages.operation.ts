import { getter } from './fields';

export const { route, description, execute } = getter('getSkipOwnMessages', 'skip-own-messages');

import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setSkipGroups', 'skip-groups', 'Skip Groups', 'Whether events of group chats are dropped (not stored, streamed or delivered)');

import { getter } from './fields';

export const { route, description, execute } = getter('getSkipGroups', 'skip-groups');

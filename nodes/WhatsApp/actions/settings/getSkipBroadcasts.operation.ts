import { getter } from './fields';

export const { route, description, execute } = getter('getSkipBroadcasts', 'skip-broadcasts');

import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setSkipBroadcasts', 'skip-broadcasts', 'Skip Broadcasts', 'Whether events of broadcast lists and status updates are dropped');

import { getter } from './fields';

export const { route, description, execute } = getter('getAutoPresenceUnavailable', 'auto-presence-unavailable');

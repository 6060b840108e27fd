import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setAutoPresenceUnavailable', 'auto-presence-unavailable', 'Go Unavailable Automatically', 'Whether the session goes unavailable after connecting and after each send, so the phone keeps getting notifications');

import { getter } from './fields';

export const { route, description, execute } = getter('getCallAutoReject', 'call-auto-reject');

import { getter } from './fields';

export const { route, description, execute } = getter('getGlobalTransportSkips', 'global-transports');

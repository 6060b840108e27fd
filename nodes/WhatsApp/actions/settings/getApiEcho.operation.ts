import { getter } from './fields';

export const { route, description, execute } = getter('getApiEcho', 'api-echo');

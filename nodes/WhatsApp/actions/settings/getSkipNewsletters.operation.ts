import { getter } from './fields';

export const { route, description, execute } = getter('getSkipNewsletters', 'skip-newsletters');

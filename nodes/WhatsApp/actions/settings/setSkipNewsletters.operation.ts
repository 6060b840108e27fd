import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setSkipNewsletters', 'skip-newsletters', 'Skip Newsletters', 'Whether events of newsletters (channels) are dropped');

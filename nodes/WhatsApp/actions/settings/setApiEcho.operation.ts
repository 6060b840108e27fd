import { flagSetter } from './fields';

export const { route, description, execute } = flagSetter('setApiEcho', 'api-echo', 'Echo API Sends', 'Whether messages sent through the API are reported as message.sent events');

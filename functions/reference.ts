/** Reference data every signed-in user may read: the rules in force. Routes and access: shared/functions.ts (Reference). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listRules } from './rules/list.ts';

export const handler = dispatch(listRules);

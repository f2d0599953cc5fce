/** Reference data every signed-in user may read: the rules in force, and (for the department) the processing register. Routes and access: shared/functions.ts (Reference). */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listRules } from './rules/list.ts';
import { handler as privacyRegister } from './privacy/register.ts';

export const handler = dispatch(listRules, privacyRegister);

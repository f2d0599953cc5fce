/**
 * Reference data: the rules in force (every signed-in user), the processing register (the department) and the
 * problem type pages (anyone). Routes and access: shared/functions.ts (Reference).
 */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listRules } from './rules/list.ts';
import { handler as privacyRegister } from './privacy/register.ts';
import { handler as getProblemType } from './problems/get.ts';

export const handler = dispatch(listRules, privacyRegister, getProblemType);

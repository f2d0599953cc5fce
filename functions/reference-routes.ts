/**
 * The Reference function's routes through the shared pipeline (authorization, zod, problem documents, the
 * logger): what functions/reference.ts does not answer from build-time data (a query string such as
 * `GET /rules?on=`, a caller without the role, an unknown problem type). It is a file of its own next to the
 * function's bundle (`#reference-routes` in package.json "imports"; infra/constructs/route-function.ts),
 * imported on the first such request. Routes and access: shared/functions.ts (Reference).
 */
import { dispatch } from '../shared/http/dispatch.ts';
import { handler as listRules } from './rules/list.ts';
import { handler as privacyRegister } from './privacy/register.ts';
import { handler as getProblemType } from './problems/get.ts';

export const handler = dispatch(listRules, privacyRegister, getProblemType);

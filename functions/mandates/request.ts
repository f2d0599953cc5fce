import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { insertMandateRequest, mandateView } from '../../shared/store/mandates.ts';
import { maySeeFacility } from '../../shared/access/facilities.ts';

export const handler = defineHandler(mandateRoutes.requestMandate, async ({ params, body, principal, deps }) => {
  if (!maySeeFacility(principal, params.enterpriseNumber) || !(await getFacility(deps, params.enterpriseNumber))) {
    throw problems.notFound('The facility');
  }
  const record = await insertMandateRequest(deps, params.enterpriseNumber, body, { actor: principal.userId, now: deps.clock() });
  return { status: 201, body: mandateView(record) };
});

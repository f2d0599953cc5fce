import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { listMandateRequests, mandateView } from '../../shared/store/mandates.ts';
import { maySeeFacility } from '../../shared/access/facilities.ts';

export const handler = defineHandler(mandateRoutes.listMandateRequests, async ({ params, principal, deps }) => {
  if (!maySeeFacility(principal, params.enterpriseNumber) || !(await getFacility(deps, params.enterpriseNumber))) {
    throw problems.notFound('The facility');
  }
  return { status: 200, body: { items: (await listMandateRequests(deps, params.enterpriseNumber)).map(mandateView) } };
});

import { defineHandler } from '../../../shared/http/handler.ts';
import { problems } from '../../../shared/http/problem.ts';
import { facilityRoutes } from '../../../shared/routes/facilities.ts';
import { maySeeFacility } from '../../../shared/access/facilities.ts';
import { deleteSubscription } from '../../../shared/store/subscriptions.ts';

export const handler = defineHandler(facilityRoutes.deleteCallSubscription, async ({ params, principal, deps }) => {
  if (!maySeeFacility(principal, params.enterpriseNumber) || !(await deleteSubscription(deps, params.enterpriseNumber))) {
    throw problems.notFound('A subscription');
  }
  return { status: 204 };
});

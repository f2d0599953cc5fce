import { defineHandler } from '../../../shared/http/handler.ts';
import { problems } from '../../../shared/http/problem.ts';
import { facilityRoutes } from '../../../shared/routes/facilities.ts';
import { maySeeFacility } from '../../../shared/access/facilities.ts';
import { getSubscription, subscriptionView } from '../../../shared/store/subscriptions.ts';

export const handler = defineHandler(facilityRoutes.getCallSubscription, async ({ params, principal, deps }) => {
  const record = maySeeFacility(principal, params.enterpriseNumber)
    ? await getSubscription(deps, params.enterpriseNumber)
    : undefined;
  if (!record) throw problems.notFound('A subscription');
  return { status: 200, body: subscriptionView(record) };
});

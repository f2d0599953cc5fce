import { defineHandler } from '../../../shared/http/handler.ts';
import { problems } from '../../../shared/http/problem.ts';
import { facilityRoutes } from '../../../shared/routes/facilities.ts';
import { maySeeFacility } from '../../../shared/access/facilities.ts';
import { getFacility } from '../../../shared/store/facilities.ts';
import { putSubscription, subscriptionView } from '../../../shared/store/subscriptions.ts';

/** A facility (or the department for it) subscribes to calls: all regions, or some (rule `call-audience`). */
export const handler = defineHandler(facilityRoutes.putCallSubscription, async ({ params, body, principal, deps }) => {
  const facility = maySeeFacility(principal, params.enterpriseNumber)
    ? await getFacility(deps, params.enterpriseNumber)
    : undefined;
  if (!facility) throw problems.notFound('The facility');
  const record = await putSubscription(
    deps,
    {
      enterpriseNumber: facility.enterpriseNumber,
      allRegions: body.allRegions,
      regions: body.allRegions ? [] : body.regions,
      email: facility.email,
    },
    { actor: principal.userId, now: deps.clock() },
  );
  return { status: 200, body: subscriptionView(record) };
});

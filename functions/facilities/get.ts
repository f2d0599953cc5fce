import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { facilityRoutes } from '../../shared/routes/facilities.ts';
import { facilityView, getFacility } from '../../shared/store/facilities.ts';
import { maySeeFacility } from '../../shared/access/facilities.ts';

export const handler = defineHandler(facilityRoutes.getFacility, async ({ params, principal, deps }) => {
  // Not yours and not there answer alike, so existence does not leak.
  if (!maySeeFacility(principal, params.enterpriseNumber)) throw problems.notFound('The facility');
  const record = await getFacility(deps, params.enterpriseNumber);
  if (!record) throw problems.notFound('The facility');
  return { status: 200, body: facilityView(record), etag: etagOf(record.version) };
});

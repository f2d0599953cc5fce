import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { facilityRoutes } from '../../shared/routes/facilities.ts';
import { facilityView, insertFacility, newFacilityRecord } from '../../shared/store/facilities.ts';

export const handler = defineHandler(facilityRoutes.createFacility, async ({ body, principal, deps }) => {
  const record = newFacilityRecord(body, { actor: principal.userId, now: deps.clock() });
  if (!(await insertFacility(deps, record)).ok) {
    throw problems.conflict(
      'facility-exists',
      `A facility with enterprise number ${body.enterpriseNumber} is already registered.`,
      [{ path: 'enterpriseNumber', message: 'Already registered.' }],
    );
  }
  return {
    status: 201,
    body: facilityView(record),
    etag: etagOf(record.version),
    headers: { location: `/facilities/${record.enterpriseNumber}` },
  };
});

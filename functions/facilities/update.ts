import { defineHandler } from '../../shared/http/handler.ts';
import { versionFromIfMatch } from '../../shared/http/etag.ts';
import { facilityRoutes } from '../../shared/routes/facilities.ts';
import { getFacility, updateFacility } from '../../shared/store/facilities.ts';
import { replyForUpdate } from '../../shared/handlers/facility-write-reply.ts';

export const handler = defineHandler(facilityRoutes.updateFacility, async ({ params, body, ifMatch, principal, deps }) => {
  // If-Match (`*`, a list) is compared with the version as it is now; the write then expects that version.
  const current = await getFacility(deps, params.enterpriseNumber);
  const outcome = await updateFacility(deps, params.enterpriseNumber, body, versionFromIfMatch(ifMatch, current?.version), {
    actor: principal.userId,
    now: deps.clock(),
  });
  return replyForUpdate(outcome, 200);
});

import { defineHandler } from '../../shared/http/handler.ts';
import { versionFromIfMatch } from '../../shared/http/etag.ts';
import { facilityRoutes } from '../../shared/routes/facilities.ts';
import { updateFacility } from '../../shared/store/facilities.ts';
import { replyForUpdate } from '../../shared/handlers/facility-write-reply.ts';

export const handler = defineHandler(facilityRoutes.updateFacility, async ({ params, body, ifMatch, principal, deps }) => {
  const outcome = await updateFacility(deps, params.enterpriseNumber, body, versionFromIfMatch(ifMatch), {
    actor: principal.userId,
    now: deps.clock(),
  });
  return replyForUpdate(outcome, 200);
});

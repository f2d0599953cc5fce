import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { loadVisibleApplication } from '../../shared/access/applications.ts';
import { eligibilityOf } from '../../shared/handlers/eligibility-of.ts';

export const handler = defineHandler(applicationRoutes.getEligibility, async ({ params, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  const { report } = await eligibilityOf(deps, call, application);
  return { status: 200, body: report };
});

import { defineHandler } from '../../shared/http/handler.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { loadVisibleApplication } from './access.ts';
import { eligibilityOf } from './eligibility-report.ts';

export const handler = defineHandler(applicationRoutes.getEligibility, async ({ params, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  const { report } = await eligibilityOf(deps, call, application);
  return { status: 200, body: report };
});

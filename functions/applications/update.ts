import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf, versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { isBeforeDeadline } from '../../shared/domain/deadline.ts';
import { applicationView, getApplication, saveDraft } from '../../shared/store/applications.ts';
import { loadVisibleApplication, requireLead } from '../../shared/access/applications.ts';
import { isDraftApplication } from '../../shared/domain/application-status.ts';
import { partnerInvitations } from '../../shared/handlers/partner-invitations.ts';

export const handler = defineHandler(applicationRoutes.updateApplication, async ({ params, body, ifMatch, principal, deps }) => {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  requireLead(principal, application);
  const now = deps.clock();
  if (!isBeforeDeadline(now, call.submissionDeadline)) {
    throw problems.conflict('deadline-passed', 'The deadline has passed; the application can no longer be changed.');
  }
  const expectedVersion = versionFromIfMatch(ifMatch, application.version);
  if (expectedVersion !== application.version) throw problems.preconditionFailed();
  if (!isDraftApplication(application)) {
    throw problems.conflict('not-a-draft', `The application is ${application.status}; reopen it first to change it.`);
  }
  const invitations = await partnerInvitations(deps, call, { ...application, ...body }, application.partners, now);
  const outcome = await saveDraft(deps, application, expectedVersion, body, { actor: principal.userId, now }, [invitations]);
  if (!outcome.ok) {
    if (outcome.reasons.includes('call-closed'))
      throw problems.conflict('deadline-passed', 'The deadline has passed; the application can no longer be changed.');
    if (outcome.reasons.includes('already-leading')) {
      throw problems.conflict(
        'already-leading',
        `Your facility already leads an application to this call for region ${body.region}.`,
        [{ path: 'region', message: 'Your facility already leads an application for this region.' }],
      );
    }
    throw problems.preconditionFailed();
  }
  const saved = await getApplication(deps, call.callId, application.applicationId);
  if (!saved) throw problems.notFound('The application');
  return { status: 200, body: applicationView(saved), etag: etagOf(saved.version) };
});

import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { applicationRoutes } from '../../shared/routes/applications.ts';
import { isCallOpen } from '../../shared/domain/call-rules.ts';
import { applicationView, insertApplication, newApplicationRecord } from '../../shared/store/applications.ts';
import { loadVisibleCall } from '../../shared/access/calls.ts';
import { partnerInvitations } from '../../shared/handlers/partner-invitations.ts';

export const handler = defineHandler(applicationRoutes.createApplication, async ({ params, body, principal, deps }) => {
  if (!principal.facility) throw problems.forbidden();
  const call = await loadVisibleCall(deps, principal, params.callId);
  const now = deps.clock();
  if (!isCallOpen(call, now)) {
    throw problems.conflict('deadline-passed', 'This call no longer accepts applications.');
  }
  const record = newApplicationRecord(call.callId, principal.facility, body, { actor: principal.userId, now });
  const outcome = await insertApplication(deps, record, now, [await partnerInvitations(deps, call, record, [], now)]);
  if (!outcome.ok) {
    if (outcome.reasons.includes('call-closed'))
      throw problems.conflict('deadline-passed', 'This call no longer accepts applications.');
    throw problems.conflict(
      'already-leading',
      `Your facility already leads an application to this call for region ${body.region}.`,
      [{ path: 'region', message: 'Your facility already leads an application for this region.' }],
    );
  }
  return {
    status: 201,
    body: applicationView(record),
    etag: etagOf(record.version),
    headers: { location: `/calls/${call.callId}/applications/${record.applicationId}` },
  };
});

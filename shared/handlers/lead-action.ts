import type { Reply, RouteRequest } from '../http/handler.ts';
import { etagOf } from '../http/etag.ts';
import { problems } from '../http/problem.ts';
import type { routes } from '../routes.ts';
import { allowedFrom, nextStatus, type LeadAction } from '../domain/application-status.ts';
import { isCallOpen } from '../domain/call-rules.ts';
import { applicationView, changeStatus, getApplication } from '../store/applications.ts';
import { loadVisibleApplication, requireLead } from '../access/applications.ts';

/** Reopen and withdraw: the lead moves its application between statuses, before the deadline only. */
export async function runLeadAction(
  { params, principal, deps }: RouteRequest<typeof routes.reopenApplication>,
  action: Exclude<LeadAction, 'submit'>,
  historyAction: string,
): Promise<Reply> {
  const { call, application } = await loadVisibleApplication(deps, principal, params.callId, params.applicationId);
  requireLead(principal, application);
  const now = deps.clock();
  if (!isCallOpen(call, now)) {
    throw problems.conflict('deadline-passed', `The deadline has passed; the application can no longer be ${historyAction}.`);
  }
  const to = nextStatus(application.status, action);
  if (!to) {
    throw problems.conflict(
      'invalid-transition',
      `An application that is ${application.status} cannot be ${historyAction}; possible from ${allowedFrom(action).join(' or ')}.`,
    );
  }
  const outcome = await changeStatus(deps, application, to, historyAction, { actor: principal.userId, now });
  if (!outcome.ok) {
    if (outcome.reasons.includes('call-closed')) throw problems.conflict('deadline-passed', 'The deadline has passed.');
    throw problems.conflict('concurrent-change', 'The application changed at the same time; GET it and try again.');
  }
  const saved = await getApplication(deps, call.callId, application.applicationId);
  if (!saved) throw problems.notFound('The application');
  return { status: 200, body: applicationView(saved), etag: etagOf(saved.version) };
}

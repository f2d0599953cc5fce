import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { isBeforeDeadline } from '../../shared/domain/deadline.ts';
import { deadlineExtensionViolations, isPublishedCall } from '../../shared/domain/call-rules.ts';
import { deadlineExtendedEmail } from '../../shared/email/templates.ts';
import { allApplications } from '../../shared/store/applications.ts';
import { getCall, toStoredInstant, updateCall } from '../../shared/store/calls.ts';
import { getFacilities } from '../../shared/store/facilities.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { replyForCallWrite } from '../../shared/handlers/call-write-reply.ts';
import { isDraftApplication } from '../../shared/domain/application-status.ts';

export const handler = defineHandler(callRoutes.extendDeadline, async ({ params, body, principal, deps }) => {
  const call = await getCall(deps, params.callId);
  if (!call) throw problems.notFound('The call');
  if (!isPublishedCall(call))
    throw problems.conflict(
      'call-not-published',
      `Only a published call's deadline can be extended; this call is ${call.status}.`,
    );
  const audit = { actor: principal.userId, now: deps.clock() };
  if (!isBeforeDeadline(audit.now, call.submissionDeadline)) {
    throw problems.conflict('deadline-passed', 'The current deadline has passed; it can no longer be extended.');
  }
  const newDeadline = toStoredInstant(body.submissionDeadline);
  const violations = deadlineExtensionViolations(call.submissionDeadline, newDeadline, audit.now);
  if (violations.length > 0) throw problems.validation(violations);
  // Every lead facility with a draft application hears of it: the emails are written with the new deadline
  // (outbox) and sent once it stands.
  const drafts = (await allApplications(deps, call.callId)).filter(isDraftApplication);
  const leads = await getFacilities(
    deps,
    drafts.map((a) => a.leadEnterpriseNumber),
  );
  const emails = drafts.flatMap((draft) => {
    const lead = leads.get(draft.leadEnterpriseNumber);
    if (!lead) return [];
    return [
      {
        to: lead.email,
        ...deadlineExtendedEmail({
          callTitle: call.title,
          applicationTrackingNumber: draft.trackingNumber,
          leadEnterpriseNumber: draft.leadEnterpriseNumber,
          previousDeadline: call.submissionDeadline,
          newDeadline,
          reason: body.reason,
        }),
      },
    ];
  });
  const outcome = await updateCall(
    deps,
    call.callId,
    { submissionDeadline: newDeadline },
    historyEntry(audit, 'deadline-extended', {
      details: { from: call.submissionDeadline, to: newDeadline, reason: body.reason },
    }),
    { version: call.version, status: 'PUBLISHED' },
    audit,
    { read: call, items: [outboxPut(deps, 'deadline-extended', emails, audit.now)] },
  );
  const reply = replyForCallWrite(outcome);
  deps.logger.info('deadline extended', { callId: call.callId, notifiedDrafts: drafts.length });
  return reply;
});

import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { isBeforeDeadline } from '../../shared/domain/deadline.ts';
import { deadlineExtensionViolations, isPublishedCall } from '../../shared/domain/call-rules.ts';
import { deadlineExtendedEmail } from '../../shared/email/templates.ts';
import { getCall, toStoredInstant, updateCall } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { outboxPuts } from '../../shared/store/outbox.ts';
import { callAudienceEmails } from '../../shared/handlers/call-audience-emails.ts';
import { replyForCallWrite } from '../../shared/handlers/call-write-reply.ts';

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
  // Every facility the call concerns hears of it once (subscribers, leads and partners: rule `call-audience`);
  // the emails are written with the new deadline (outbox) and sent once it stands.
  const emails = await callAudienceEmails(deps, call, { withApplications: true }, (facility) =>
    deadlineExtendedEmail({
      callTitle: call.title,
      enterpriseNumber: facility.enterpriseNumber,
      previousDeadline: call.submissionDeadline,
      newDeadline,
      reason: body.reason,
      drafts: facility.drafts,
      submitted: facility.submitted,
    }),
  );
  const outcome = await updateCall(
    deps,
    call.callId,
    { submissionDeadline: newDeadline },
    historyEntry(audit, 'deadline-extended', {
      details: { from: call.submissionDeadline, to: newDeadline, reason: body.reason },
    }),
    { version: call.version, status: 'PUBLISHED' },
    audit,
    { read: call, items: outboxPuts(deps, 'deadline-extended', emails, audit.now) },
  );
  const reply = replyForCallWrite(outcome);
  deps.logger.info('deadline extended', { callId: call.callId, facilitiesTold: emails.length });
  return reply;
});

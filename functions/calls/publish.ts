import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callRuleViolations } from '../../shared/domain/call-rules.ts';
import { getCall, updateCall } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { replyForCallWrite } from '../../shared/handlers/call-write-reply.ts';
import { isDraftCall } from '../../shared/domain/call-rules.ts';
import { callPublishedEmail } from '../../shared/email/templates.ts';
import { outboxPuts } from '../../shared/store/outbox.ts';
import { callAudienceEmails } from '../../shared/handlers/call-audience-emails.ts';

export const handler = defineHandler(callRoutes.publishCall, async ({ params, principal, deps }) => {
  const call = await getCall(deps, params.callId);
  if (!call) throw problems.notFound('The call');
  if (!isDraftCall(call)) throw problems.conflict('call-frozen', `The call is already ${call.status}.`);
  const audit = { actor: principal.userId, now: deps.clock() };
  const violations = callRuleViolations(call, { now: audit.now });
  if (violations.length > 0) throw problems.validation(violations, 'The call cannot be published yet; see errors.');
  // The facilities subscribed to calls for one of its regions are told, once each (outbox, with the publication).
  const emails = await callAudienceEmails(deps, call, { withApplications: false }, () =>
    callPublishedEmail({ callTitle: call.title, regions: call.regions, deadline: call.submissionDeadline }),
  );
  // Conditional on the version we checked: rules changed in between are never published unchecked.
  const outcome = await updateCall(
    deps,
    call.callId,
    { status: 'PUBLISHED' },
    historyEntry(audit, 'published', {
      from: 'DRAFT',
      to: 'PUBLISHED',
      details: { submissionDeadline: call.submissionDeadline },
    }),
    { version: call.version, status: 'DRAFT' },
    audit,
    { read: call, items: outboxPuts(deps, 'call-published', emails, audit.now) },
  );
  return replyForCallWrite(outcome);
});

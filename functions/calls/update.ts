import { defineHandler } from '../../shared/http/handler.ts';
import { versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callRuleViolations } from '../../shared/domain/call-rules.ts';
import { toStoredInstant, updateCall } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { replyForCallWrite } from '../../shared/handlers/call-write-reply.ts';

export const handler = defineHandler(callRoutes.updateCall, async ({ params, body, ifMatch, principal, deps }) => {
  const violations = callRuleViolations(body);
  if (violations.length > 0) throw problems.validation(violations);
  const audit = { actor: principal.userId, now: deps.clock() };
  const expectedVersion = versionFromIfMatch(ifMatch) ?? -1;
  const outcome = await updateCall(
    deps,
    params.callId,
    { ...body, submissionDeadline: toStoredInstant(body.submissionDeadline) },
    historyEntry(audit, 'edited'),
    { version: expectedVersion, status: 'DRAFT' },
    audit,
  );
  return replyForCallWrite(outcome, expectedVersion);
});

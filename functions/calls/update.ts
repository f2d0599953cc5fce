import { defineHandler } from '../../shared/http/handler.ts';
import { versionFromIfMatch } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callRuleViolations } from '../../shared/domain/call-rules.ts';
import { getCall, toStoredInstant, updateCall } from '../../shared/store/calls.ts';
import { historyEntry } from '../../shared/store/history.ts';
import { replyForCallWrite } from '../../shared/handlers/call-write-reply.ts';

export const handler = defineHandler(callRoutes.updateCall, async ({ params, body, ifMatch, principal, deps }) => {
  const violations = callRuleViolations(body);
  if (violations.length > 0) throw problems.validation(violations);
  const audit = { actor: principal.userId, now: deps.clock() };
  // If-Match (`*`, a list) is compared with the version as it is now; the write then expects that version.
  const expectedVersion = versionFromIfMatch(ifMatch, (await getCall(deps, params.callId))?.version) ?? -1;
  const outcome = await updateCall(
    deps,
    params.callId,
    { ...body, submissionDeadline: toStoredInstant(body.submissionDeadline) },
    historyEntry(audit, 'edited'),
    { version: expectedVersion, status: 'DRAFT' },
    audit,
  );
  return replyForCallWrite(outcome);
});

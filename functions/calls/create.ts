import { defineHandler } from '../../shared/http/handler.ts';
import '../../shared/http/middlewares/idempotency.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { callRoutes } from '../../shared/routes/calls.ts';
import { callRuleViolations } from '../../shared/domain/call-rules.ts';
import { callView, insertCall, newCallRecord } from '../../shared/store/calls.ts';

export const handler = defineHandler(callRoutes.createCall, async ({ body, principal, deps }) => {
  const violations = callRuleViolations(body);
  if (violations.length > 0) throw problems.validation(violations);
  const record = newCallRecord(body, { actor: principal.userId, now: deps.clock() });
  await insertCall(deps, record);
  return { status: 201, body: callView(record), etag: etagOf(record.version), headers: { location: `/calls/${record.callId}` } };
});

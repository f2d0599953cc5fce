import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { withdrawalViolations } from '../../shared/domain/mandate.ts';
import { mandateWithdrawnEmail } from '../../shared/email/templates.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { getMandateRequest, mandateView, withdrawMandate } from '../../shared/store/mandates.ts';
import { outboxPut } from '../../shared/store/outbox.ts';

/**
 * The department withdraws a granted mandate or recognition (rule `mandate-withdrawal`): from `withdrawnOn`
 * (today by default) it no longer counts, so no new agreement or trajectory starts on it; what runs, runs on.
 * The facility is emailed with the reason (outbox).
 */
export const handler = defineHandler(mandateRoutes.withdrawMandate, async ({ params, body, principal, deps }) => {
  const request = await getMandateRequest(deps, params.requestId);
  if (!request) throw problems.notFound('The mandate request');
  const now = deps.clock();
  const withdrawnOn = body.withdrawnOn ?? brusselsDateOf(now);
  const violations = withdrawalViolations(request, withdrawnOn);
  if (violations.length > 0) {
    const [first] = violations;
    if (first!.path === 'requestId') throw problems.refusedBy('mandate-withdrawal', 409, first!.message);
    throw problems.validation(violations);
  }
  const facility = await getFacility(deps, request.enterpriseNumber);
  const email = facility && {
    to: facility.email,
    ...mandateWithdrawnEmail({
      kind: request.kind,
      enterpriseNumber: request.enterpriseNumber,
      withdrawnOn,
      reason: body.reason,
    }),
  };
  const outcome = await withdrawMandate(deps, request, { withdrawnOn, reason: body.reason }, { actor: principal.userId, now }, [
    outboxPut(deps, 'mandate-withdrawn', email ? [email] : [], now),
  ]);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The mandate changed at the same time; GET it and try again.');
  return { status: 200, body: mandateView(outcome.record) };
});

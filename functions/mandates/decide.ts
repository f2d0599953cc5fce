import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { RECOGNITION_AUTHORITIES } from '../../shared/domain/reference-data.ts';
import { authoritiesRecognisingOn } from '../../shared/domain/recognition.ts';
import { mandateDecidedEmail } from '../../shared/email/templates.ts';
import { mandateConditionViolations } from '../../shared/domain/trajectory-rules.ts';
import { begeleiderRecognitionViolations } from '../../shared/domain/ama.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemDelete } from '../../shared/store/queue.ts';
import { decideMandateRequest, getMandateRequest, mandateView } from '../../shared/store/mandates.ts';
import { isAwaitingDecision } from '../../shared/domain/mandate.ts';

export const handler = defineHandler(mandateRoutes.decideMandate, async ({ params, body, principal, deps }) => {
  const request = await getMandateRequest(deps, params.requestId);
  if (!request) throw problems.notFound('The mandate request');
  if (!isAwaitingDecision(request)) throw problems.conflict('already-decided', `This request was already ${request.status}.`);
  const facility = await getFacility(deps, request.enterpriseNumber);
  if (!facility) throw problems.notFound('The facility');
  const now = deps.clock();
  const today = brusselsDateOf(now);
  if (
    body.granted &&
    authoritiesRecognisingOn(Object.values(facility.recognitions ?? {}), RECOGNITION_AUTHORITIES, today).length === 0
  ) {
    throw problems.conflict(
      'no-valid-recognition',
      `The facility holds no recognition valid on the decision date ${today}; a mandate can only be granted to a recognised facility.`,
    );
  }
  if (body.granted && request.kind === 'CASEMANAGER_ZORG') {
    // A request made under the 2014 rules, decided now: the conditions of the mandate, on its first day.
    const violations = mandateConditionViolations({
      icfTrainedStaff: request.icfTrainedStaff ?? 0,
      recognitions: Object.values(facility.recognitions ?? {}),
      date: body.validFrom,
    });
    if (violations.length > 0) throw problems.validation(violations, 'The facility does not meet the conditions of the mandate.');
  }
  if (body.granted && request.kind === 'BEGELEIDER_AMA') {
    const violations = begeleiderRecognitionViolations({
      qualifiedStaff: request.qualifiedStaff,
      validFrom: body.validFrom,
      validUntil: body.validUntil,
    });
    if (violations.length > 0) throw problems.validation(violations, 'The recognition does not meet its conditions.');
  }
  const decision = body.granted
    ? { status: 'GRANTED' as const, validFrom: body.validFrom, ...(body.validUntil ? { validUntil: body.validUntil } : {}) }
    : { status: 'REFUSED' as const, reason: body.reason };
  // The facility's email is written with the decision (outbox): it is sent once the decision stands, whatever SES does now.
  const email = {
    to: facility.email,
    ...mandateDecidedEmail({
      kind: request.kind,
      enterpriseNumber: request.enterpriseNumber,
      granted: body.granted,
      ...(body.granted ? { validFrom: body.validFrom } : {}),
      ...(body.granted && body.validUntil ? { validUntil: body.validUntil } : {}),
      ...(!body.granted ? { reason: body.reason } : {}),
    }),
  };
  const decided = await decideMandateRequest(deps, request, decision, { actor: principal.userId, now }, [
    outboxPut(deps, 'mandate-decided', [email], now),
    queueItemDelete(deps, 'MANDATE_REQUEST', request.createdAt, request.requestId),
  ]);
  if (!decided.ok) throw problems.conflict('already-decided', 'This request was decided at the same time.');
  return { status: 200, body: mandateView(decided.record) };
});

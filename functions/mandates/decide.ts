import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { RECOGNITION_AUTHORITIES } from '../../shared/domain/reference-data.ts';
import { authoritiesRecognisingOn } from '../../shared/domain/recognition.ts';
import { sendEmail } from '../../shared/email/send.ts';
import { mandateDecidedEmail } from '../../shared/email/templates.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { decideMandateRequest, getMandateRequest, mandateView } from '../../shared/store/mandates.ts';

export const handler = defineHandler(mandateRoutes.decideMandate, async ({ params, body, principal, deps }) => {
  const request = await getMandateRequest(deps, params.requestId);
  if (!request) throw problems.notFound('The mandate request');
  if (request.status !== 'REQUESTED') throw problems.conflict('already-decided', `This request was already ${request.status}.`);
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
  const decided = await decideMandateRequest(
    deps,
    request,
    body.granted
      ? { status: 'GRANTED', validFrom: body.validFrom, ...(body.validUntil ? { validUntil: body.validUntil } : {}) }
      : { status: 'REFUSED', reason: body.reason },
    { actor: principal.userId, now },
  );
  if (!decided) throw problems.conflict('already-decided', 'This request was decided at the same time.');
  await sendEmail(deps, {
    to: facility.email,
    ...mandateDecidedEmail({
      kind: decided.kind,
      enterpriseNumber: decided.enterpriseNumber,
      granted: body.granted,
      ...(decided.validFrom ? { validFrom: decided.validFrom } : {}),
      ...(decided.validUntil ? { validUntil: decided.validUntil } : {}),
      ...(decided.reason ? { reason: decided.reason } : {}),
    }),
  });
  return { status: 200, body: mandateView(decided) };
});

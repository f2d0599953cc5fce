import { defineHandler } from '../../shared/http/handler.ts';
import { problems } from '../../shared/http/problem.ts';
import { mandateRoutes } from '../../shared/routes/mandates.ts';
import { brusselsDateOf } from '../../shared/domain/calendar.ts';
import { withdrawalViolations } from '../../shared/domain/mandate.ts';
import { mandateWithdrawnEmail } from '../../shared/email/templates.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { getMandateRequest, mandateView, withdrawMandate } from '../../shared/store/mandates.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { allAgreementsWhere } from '../../shared/store/ama.ts';
import { allTrajectoriesWhere } from '../../shared/store/trajectories.ts';
import { isTrajectoryClosed } from '../../shared/domain/trajectory-status.ts';
import { isAgreementEnded } from '../../shared/domain/ama.ts';

/**
 * The department withdraws a granted mandate or recognition (rule `mandate-withdrawal`): from `withdrawnOn`
 * (today by default) it no longer counts, so no new agreement or trajectory starts on it; what runs, runs on,
 * and is listed for reassignment (ids and dates only). The facility is emailed with the reason and how much
 * runs on (outbox).
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
  // What runs on under it, to be reassigned: the facility's trajectories under a casemanager Zorg mandate
  // (the 2014 rules: not those of a samenwerkingsverband), or its agreements under a recognition as begeleider AMA.
  const [trajectories, agreements] = await Promise.all([
    request.kind === 'CASEMANAGER_ZORG'
      ? allTrajectoriesWhere(
          deps,
          (t) => t.casemanagerZorg.enterpriseNumber === request.enterpriseNumber && !t.cooperationId && !isTrajectoryClosed(t),
        )
      : Promise.resolve([]),
    request.kind === 'BEGELEIDER_AMA'
      ? allAgreementsWhere(deps, (a) => !isAgreementEnded(a), request.enterpriseNumber)
      : Promise.resolve([]),
  ]);
  const facility = await getFacility(deps, request.enterpriseNumber);
  const email = facility && {
    to: facility.email,
    ...mandateWithdrawnEmail({
      kind: request.kind,
      enterpriseNumber: request.enterpriseNumber,
      withdrawnOn,
      reason: body.reason,
      running: trajectories.length + agreements.length,
    }),
  };
  const outcome = await withdrawMandate(deps, request, { withdrawnOn, reason: body.reason }, { actor: principal.userId, now }, [
    outboxPut(deps, 'mandate-withdrawn', email ? [email] : [], now),
  ]);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The mandate changed at the same time; GET it and try again.');
  return {
    status: 200,
    body: {
      ...mandateView(outcome.record),
      toReassign: {
        trajectories: trajectories.map((t) => ({
          trajectoryId: t.trajectoryId,
          startDate: t.startDate,
          plannedEndDate: t.plannedEndDate,
        })),
        agreements: agreements.map((a) => ({ agreementId: a.agreementId, status: a.status, startDate: a.startDate })),
      },
    },
  };
});

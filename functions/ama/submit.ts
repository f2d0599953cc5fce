import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { submissionRefusal } from '../../shared/domain/ama.ts';
import { amaSubmittedEmail } from '../../shared/email/templates.ts';
import { agreementView, nextAgreementVersion, saveAgreement } from '../../shared/store/ama.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemPut } from '../../shared/store/queue.ts';
import { amaSubmissionLine } from '../../shared/domain/queue.ts';
import { begeleiderRecognitionOn, loadAgreement } from '../../shared/access/ama.ts';

/**
 * The begeleider submits an active agreement to the department (rule `ama-submission`): the recognition it
 * is made under, the werkpost, start and end as they stand, and the SHA-256 of the complete signed copy it
 * keeps. The department is emailed that it waits; it accepts or returns it.
 */
export const handler = defineHandler(amaRoutes.submitAgreement, async ({ params, body, principal, deps }) => {
  const current = await loadAgreement(deps, principal, params.agreementId);
  if (!principal.facility || principal.facility !== current.begeleiderEnterpriseNumber) throw problems.notFound('The agreement');
  const refusal = submissionRefusal(current);
  if (refusal) throw problems.refusedBy(refusal.rule, 409, refusal.message);
  const recognition = await begeleiderRecognitionOn(deps, current.begeleiderEnterpriseNumber, current.startDate);
  if (!recognition) {
    throw problems.conflict(
      'not-a-recognised-begeleider',
      `Your facility held no recognition as begeleider AMA on ${current.startDate}.`,
    );
  }
  const now = deps.clock();
  const next = nextAgreementVersion(
    current,
    {
      submission: {
        status: 'SUBMITTED',
        submittedAt: now.toISOString(),
        submittedBy: principal.userId,
        signedCopySha256: body.signedCopySha256,
        recognitionRequestId: recognition.requestId,
      },
    },
    { actor: principal.userId, now },
  );
  const begeleider = await getFacility(deps, current.begeleiderEnterpriseNumber);
  const email = {
    to: deps.departmentEmail,
    ...amaSubmittedEmail({
      agreementId: current.agreementId,
      begeleiderName: begeleider?.name ?? current.begeleiderEnterpriseNumber,
      startDate: current.startDate,
    }),
  };
  const outcome = await saveAgreement(deps, next, current.version, principal, 'submitted', [
    outboxPut(deps, 'ama-submitted', [email], now),
    queueItemPut(deps, amaSubmissionLine(current, now.toISOString(), begeleider)),
  ]);
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The agreement changed at the same time; GET it and try again.');
  return { status: 200, body: agreementView(next), etag: etagOf(next.version) };
});

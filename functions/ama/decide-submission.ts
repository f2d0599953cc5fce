import { defineHandler } from '../../shared/http/handler.ts';
import { etagOf } from '../../shared/http/etag.ts';
import { problems } from '../../shared/http/problem.ts';
import { amaRoutes } from '../../shared/routes/ama.ts';
import { submissionDecisionRefusal } from '../../shared/domain/ama.ts';
import { amaSubmissionDecidedEmail } from '../../shared/email/templates.ts';
import { agreementView, nextAgreementVersion, saveAgreement } from '../../shared/store/ama.ts';
import { getFacility } from '../../shared/store/facilities.ts';
import { outboxPut } from '../../shared/store/outbox.ts';
import { queueItemDelete } from '../../shared/store/queue.ts';
import { loadAgreement } from '../../shared/access/ama.ts';

/** The department accepts a submitted agreement, or returns it with the reason; the begeleider is emailed (outbox). */
export const handler = defineHandler(amaRoutes.decideSubmission, async ({ params, body, principal, deps }) => {
  const current = await loadAgreement(deps, principal, params.agreementId);
  const refusal = submissionDecisionRefusal(current);
  if (refusal || !current.submission) throw problems.refusedBy('ama-submission', 409, refusal ?? 'It was not submitted.');
  const now = deps.clock();
  const next = nextAgreementVersion(
    current,
    {
      submission: {
        ...current.submission,
        status: body.accepted ? 'ACCEPTED' : 'RETURNED',
        decidedAt: now.toISOString(),
        decidedBy: principal.userId,
        ...(body.accepted ? {} : { returnReason: body.reason }),
      },
    },
    { actor: principal.userId, now },
  );
  const begeleider = await getFacility(deps, current.begeleiderEnterpriseNumber);
  const emails = begeleider
    ? [
        {
          to: begeleider.email,
          ...amaSubmissionDecidedEmail({
            agreementId: current.agreementId,
            accepted: body.accepted,
            ...(body.accepted ? {} : { reason: body.reason }),
          }),
        },
      ]
    : [];
  const outcome = await saveAgreement(
    deps,
    next,
    current.version,
    principal,
    body.accepted ? 'submission-accepted' : 'submission-returned',
    [
      outboxPut(deps, 'ama-submission-decided', emails, now),
      queueItemDelete(deps, 'AMA_SUBMISSION', current.submission.submittedAt, current.agreementId),
    ],
  );
  if (!outcome.ok) throw problems.conflict('concurrent-change', 'The agreement changed at the same time; GET it and try again.');
  return { status: 200, body: agreementView(next), etag: etagOf(next.version) };
});
